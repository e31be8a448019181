using System.Net;
using AngleSharp.Html.Parser;
using KneeSpine.Cli.Tests.Processes;

namespace KneeSpine.Cli.Tests.Release;

/// <summary>What every installed build must serve: health, the home page with each stylesheet and script it links, FHIR and OpenAPI.</summary>
internal static class ServedApp
{
    public static async Task AssertServesEverythingAsync(ServerProcess server)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", cancel)).StatusCode);

        var home = await client.GetAsync("/", cancel);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await home.Content.ReadAsStringAsync(cancel));
        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(e => e.GetAttribute("href")!).ToList();
        var scripts = page.QuerySelectorAll("script[src]").Select(e => e.GetAttribute("src")!).ToList();
        Assert.NotEmpty(stylesheets);
        Assert.NotEmpty(scripts);
        foreach (var (url, type) in stylesheets.Select(u => (u, "text/css")).Concat(scripts.Select(u => (u, "text/javascript"))))
        {
            var asset = await client.GetAsync(url, cancel);
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{url}: {(int)asset.StatusCode}\n{server.Log}");
            Assert.Equal(type, asset.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await asset.Content.ReadAsByteArrayAsync(cancel));
        }

        var metadata = await client.GetAsync("/fhir/metadata", cancel);
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Contains("\"resourceType\":\"CapabilityStatement\"", (await metadata.Content.ReadAsStringAsync(cancel)).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        var openApi = await client.GetAsync("/openapi/v1.json", cancel);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Contains("/api/v1/patients", await openApi.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
    }
}
