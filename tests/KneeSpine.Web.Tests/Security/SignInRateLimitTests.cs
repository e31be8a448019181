using System.Net;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Security;

/// <summary>Sign-in posts per address and token creation per account are limited (the evaluate limit has its own tests).</summary>
public sealed class SignInRateLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_get_429_problem_while_the_page_still_loads()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:RateLimits:LoginPermitLimit"] = "2",
            ["KneeSpine:RateLimits:LoginWindowSeconds"] = "3600",
        });
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var token = HtmlForms.AntiforgeryToken(await client.GetStringAsync("/account/login", Cancel));
        Task<HttpResponseMessage> AttemptAsync() => client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@example.org",
            ["Input.Password"] = "wrong password here",
            ["__RequestVerificationToken"] = token,
        }), Cancel);

        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync()).StatusCode);
        var limited = await AttemptAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Creating_tokens_beyond_the_limit_gets_429_problem_and_no_token()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:RateLimits:TokenPermitLimit"] = "1",
            ["KneeSpine:RateLimits:TokenWindowSeconds"] = "3600",
        });
        var world = await MatrixWorld.CreateAsync(app);
        var client = await world.SignInWithCookieAsync(Roles.Clinician);
        async Task<HttpResponseMessage> CreateAsync(string name)
        {
            var token = HtmlForms.AntiforgeryToken(await client.GetStringAsync("/account", Cancel));
            return await client.PostAsync("/account?handler=create", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = name,
                ["__RequestVerificationToken"] = token,
            }), Cancel);
        }

        Assert.Equal(HttpStatusCode.OK, (await CreateAsync("token-alpha-1")).StatusCode);
        var limited = await CreateAsync("token-beta-2");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var page = await client.GetStringAsync("/account", Cancel);
        Assert.Contains("token-alpha-1", page, StringComparison.Ordinal);
        Assert.DoesNotContain("token-beta-2", page, StringComparison.Ordinal);
    }
}
