using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using KneeSpine.Web.Tests.Fhir;

namespace KneeSpine.Web.Tests.BulkExport;

/// <summary>
/// The client side of a Bulk Data v2 export, step by step as the IG describes it: kick-off with Accept and Prefer
/// headers, poll the Content-Location until 200, read the manifest, then GET each output url with the same token.
/// </summary>
internal static class BulkDataClient
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static HttpRequestMessage KickOff(string url, bool respondAsync = true)
    {
        var request = FhirHttp.Get(url);
        if (respondAsync)
        {
            request.Headers.Add("Prefer", "respond-async");
        }

        return request;
    }

    /// <summary>Kicks off and answers the status URL from Content-Location, after checking the 202.</summary>
    public static async Task<Uri> StartAsync(HttpClient client, string url)
    {
        var response = await client.SendAsync(KickOff(url), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        return response.Content.Headers.ContentLocation ?? throw new InvalidOperationException("The 202 has no Content-Location.");
    }

    /// <summary>
    /// Polls the status URL until the export is complete and answers the manifest. Polls every 50 ms rather than
    /// honouring Retry-After (the test's clock is fake), and gives up only after a generous limit for a busy machine.
    /// </summary>
    public static async Task<JsonObject> WaitForManifestAsync(HttpClient client, Uri status, Action? eachPoll = null)
    {
        var limit = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, status), Cancel);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                return JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();
            }

            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"status: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
            Assert.True(response.Headers.Contains("X-Progress"));
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.True(DateTime.UtcNow < limit, "The export did not complete within 3 minutes.");
            eachPoll?.Invoke();
            await Task.Delay(50, Cancel);
        }
    }

    /// <summary>Every output file of the manifest, type to its lines, downloaded with the client's token.</summary>
    public static async Task<Dictionary<string, string[]>> DownloadAsync(HttpClient client, JsonObject manifest)
    {
        var files = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var output in manifest["output"]!.AsArray())
        {
            var request = new HttpRequestMessage(HttpMethod.Get, output!["url"]!.GetValue<string>());
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+ndjson"));
            var response = await client.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/fhir+ndjson", response.Content.Headers.ContentType?.MediaType);
            var lines = (await response.Content.ReadAsStringAsync(Cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(output["count"]!.GetValue<int>(), lines.Length);
            files[output["type"]!.GetValue<string>()] = lines;
        }

        return files;
    }
}
