using System.Net;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeSpine.Web.Tests.Smart;

/// <summary>
/// A browser for the launch: it keeps the app's cookies and follows redirects by hand between the app (in memory,
/// http://localhost) and the EHR (a real port), so a test can stop at any hop, change it, or move the clocks first.
/// </summary>
public sealed class SmartBrowser(TestApp app, MockEhr ehr) : IDisposable
{
    private const int MaxHops = 10;

    private readonly HttpClient _app = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    private readonly HttpClient _ehr = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Every URL visited, in order.</summary>
    public List<Uri> Visited { get; } = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Opens <paramref name="url"/> and follows redirects until an answer that is not one, or until the next hop matches <paramref name="stopBefore"/>.</summary>
    /// <returns>The last answer, and the redirect not followed (null when the walk ended on a non-redirect).</returns>
    public async Task<(HttpResponseMessage Response, Uri? Next)> GoAsync(Uri url, Func<Uri, bool>? stopBefore = null)
    {
        for (var hop = 0; hop < MaxHops; hop++)
        {
            Visited.Add(url);
            var response = url.Authority == ehr.BaseAddress.Authority
                ? await _ehr.GetAsync(url, Cancel)
                : await _app.GetAsync(url.PathAndQuery, Cancel);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
            {
                return (response, null);
            }

            var next = new Uri(url, response.Headers.Location!);
            if (stopBefore?.Invoke(next) == true)
            {
                return (response, next);
            }

            url = next;
        }

        throw new InvalidOperationException("More than " + MaxHops + " redirects: " + string.Join(" -> ", Visited));
    }

    /// <summary>An app page, with the browser's cookies.</summary>
    public Task<HttpResponseMessage> GetAppAsync(string path) => _app.GetAsync(path, Cancel);

    public void Dispose()
    {
        _app.Dispose();
        _ehr.Dispose();
    }
}
