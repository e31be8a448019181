using System.Globalization;
using System.Text.Json;
using KneeSpine.Store.BulkExport;

namespace KneeSpine.Web.BulkExport;

/// <summary>
/// The completion manifest of the Bulk Data IG (not a FHIR resource, so plain JSON): transactionTime, request,
/// requiresAccessToken, output[{type, url, count}] and error[].
/// </summary>
internal sealed class BulkExportManifest(BulkExportJob job, IReadOnlyList<BulkExportFile> files, Uri serverBase) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        if (job.ExpiresAt is { } expires)
        {
            response.Headers.Expires = expires.ToString("R", CultureInfo.InvariantCulture);
        }

        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteString("transactionTime", job.TransactionTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteString("request", job.Request);
        json.WriteBoolean("requiresAccessToken", true);
        json.WriteStartArray("output");
        foreach (var file in files)
        {
            json.WriteStartObject();
            json.WriteString("type", file.Type);
            json.WriteString("url", FileUrl(serverBase, job.Id, file.Type));
            json.WriteNumber("count", file.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("error");
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }

    public static string FileUrl(Uri serverBase, Guid jobId, string type) => $"{serverBase.AbsoluteUri}$export-file/{jobId}/{type}.ndjson";

    public static string StatusUrl(Uri serverBase, Guid jobId) => $"{serverBase.AbsoluteUri}$export-status/{jobId}";
}
