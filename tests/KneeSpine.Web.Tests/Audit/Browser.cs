using System.Net;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeSpine.Web.Tests.Audit;

/// <summary>A browser-like client: cookies, no automatic redirects, forms posted with their antiforgery token.</summary>
internal sealed class Browser(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static Browser Open(TestApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A browser signed in as <paramref name="email"/> (with the test password).</summary>
    public static async Task<Browser> SignedInAsync(TestApp app, string email)
    {
        var browser = Open(app);
        var (response, _) = await browser.SignInAsync(email, TestApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public Task<(HttpResponseMessage Response, string Body)> SignInAsync(string email, string password) =>
        PostFormAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Reads the form page for its antiforgery token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<(HttpResponseMessage Response, string Body)> PostFormAsync(string formPage, string action, IReadOnlyDictionary<string, string> fields)
    {
        var form = await Client.GetStringAsync(formPage, TestContext.Current.CancellationToken);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(form) };
        return await AuditTrail.SendAsync(Client, HttpMethod.Post, action, new FormUrlEncodedContent(values));
    }
}
