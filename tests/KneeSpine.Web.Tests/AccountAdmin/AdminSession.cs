using System.Net;
using System.Text.RegularExpressions;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.AccountAdmin;

/// <summary>A signed-in browser-like client that posts the site's forms with their antiforgery token.</summary>
internal sealed partial class AdminSession(HttpClient client)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public HttpClient Client => client;

    public static async Task<AdminSession> SignInAsync(TestApp app, string email) => new(await app.SignInWithCookieAsync(email));

    public async Task<string> PageAsync(string url)
    {
        var response = await client.GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>Opens <paramref name="pageUrl"/>, then posts its form to <paramref name="action"/> with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostAsync(string pageUrl, string action, IDictionary<string, string>? fields = null)
    {
        var form = await PageAsync(pageUrl);
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(form),
        };
        return await client.PostAsync(action, new FormUrlEncodedContent(values), Cancel);
    }

    public static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    /// <summary>The one-time reset link the account page shows after "Make a reset link".</summary>
    public static Uri ResetLink(string html)
    {
        var match = ResetLinkPattern().Match(html);
        Assert.True(match.Success, "the page shows the reset link");
        return new Uri(WebUtility.HtmlDecode(match.Groups[1].Value));
    }

    [GeneratedRegex("data-reset-link>([^<]+)<")]
    private static partial Regex ResetLinkPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
