using System.Net;
using System.Text.RegularExpressions;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KneeSpine.Web.Tests;

public abstract partial class LoginTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Signing_in_sets_a_cookie_that_also_opens_the_api()
    {
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);
        var browser = Browser();

        var response = await SignInAsync(browser, user.Email!, TestApp.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/patients", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);
        var browser = Browser();

        for (var i = 0; i < 5; i++)
        {
            var failed = await SignInAsync(browser, user.Email!, "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var locked = await SignInAsync(browser, user.Email!, TestApp.Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(Cancel), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/patients", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_does_not_sign_in()
    {
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);
        var browser = Browser();

        var response = await SignInAsync(browser, user.Email!, "not the password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not correct", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/patients", Cancel)).StatusCode);
    }

    private HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password)
    {
        var form = await browser.GetStringAsync("/account/login", Cancel);
        var antiforgery = AntiforgeryField().Match(form).Groups[1].Value;
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = antiforgery,
        }), Cancel);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class LoginOnSqlite(SqliteApp app) : LoginTests(app), IClassFixture<SqliteApp>;

public sealed class LoginOnPostgres(PostgresApp app) : LoginTests(app), IClassFixture<PostgresApp>;
