using System.Text.Json;
using KneeSpine.Fhir.Serialization;

namespace KneeSpine.Web.Fhir;

/// <summary>
/// Makes every error under <c>/fhir</c> an OperationOutcome: refuses formats other than JSON up front, and gives
/// the bodiless answers of routing (404, 405), authentication (401, 403), the size ceiling (413) and failures one.
/// Answers written as problem details (rate limiting's 429 among them) are turned by <see cref="FhirProblemDetailsWriter"/>.
/// </summary>
internal sealed class FhirOutcomeMiddleware(RequestDelegate next, ILogger<FhirOutcomeMiddleware> logger)
{
    public const string Prefix = "/fhir";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsFhir(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (FhirFormat.ResponseMediaType(context.Request) is null && !BulkExport.BulkExportEndpoints.IsFileDownload(context.Request))
        {
            await WriteAsync(context, StatusCodes.Status406NotAcceptable).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            // The server refused the request itself (a body past the ceiling without Content-Length, a broken body): its status, not a 500.
            context.Response.Clear();
            await WriteAsync(context, bad.StatusCode).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // The outcome says nothing of the internals; the log keeps them.
            logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
            context.Response.Clear();
            var unavailable = Problems.DatabaseUnavailable.Is(exception);
            if (unavailable)
            {
                Problems.DatabaseUnavailable.AddRetryAfter(context.Response);
            }

            await WriteAsync(context, unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null
            && (response.ContentType is null || response.ContentType.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase)))
        {
            await WriteAsync(context, response.StatusCode).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the request is for the FHIR endpoint.</summary>
    public static bool IsFhir(HttpRequest request) => request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes <paramref name="outcome"/> (by default the one for <paramref name="status"/>) as the whole answer.</summary>
    public static async Task WriteAsync(HttpContext context, int status, Hl7.Fhir.Model.OperationOutcome? outcome = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = FhirFormat.FhirJson + "; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, outcome ?? FhirOutcomes.ForStatus(status, context.Request.Path), FhirJson.Options, context.RequestAborted)
            .ConfigureAwait(false);
    }
}
