using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Security;

/// <summary>Headers, cookies, antiforgery and body size limits, checked on the app as deployed (Production environment).</summary>
public sealed partial class WebHardeningTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Responses() => new()
    {
        { "GET", "/" },
        { "GET", "/check" },
        { "GET", "/account/login" },
        { "GET", "/patients" },
        { "GET", "/health" },
        { "GET", "/openapi/v1.json" },
        { "GET", "/css/site.css" },
        { "GET", "/no-such-page" },
        { "GET", "/api/v1/patients" },
        { "POST", "/api/v1/evaluate" },
        { "GET", "/fhir/metadata" },
        { "GET", "/fhir/Patient/unknown" },
        { "GET", "/cds-services" },
        { "POST", "/cds-services/kneespine-back-pain" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{", Encoding.UTF8, "application/json");
        }

        var response = await fixture.App.Anonymous().SendAsync(request, Cancel);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var scriptSrc = Directive(csp, "script-src") ?? Directive(csp, "default-src");
        Assert.NotNull(scriptSrc);
        Assert.DoesNotContain("unsafe-inline", scriptSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", scriptSrc, StringComparison.Ordinal);
        Assert.Equal("'none'", Directive(csp, "frame-ancestors"));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        // Plain HTTP: HSTS would be meaningless and is not sent.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Https_responses_carry_hsts()
    {
        var client = fixture.App.CreateClient(new() { BaseAddress = new Uri("https://kneespine.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/login", Cancel);

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Matches("^max-age=[1-9][0-9]{5,}", hsts);
    }

    [Fact]
    public async Task Sign_in_and_antiforgery_cookies_are_http_only_same_site_and_secure_over_https()
    {
        var client = fixture.App.CreateClient(new() { BaseAddress = new Uri("https://kneespine.example"), AllowAutoRedirect = false, HandleCookies = false });
        var email = $"cookie-{Guid.NewGuid():N}@example.org";
        await fixture.App.CreateAccountAsync(Roles.Clinician, email: email);

        var page = await client.GetAsync("/account/login", Cancel);
        var antiforgeryCookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = TestApp.Password,
                ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(await page.Content.ReadAsStringAsync(Cancel)),
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie.Split(';')[0]);
        var signedIn = await client.SendAsync(post, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("KneeSpine.Auth=", StringComparison.Ordinal));
        foreach (var cookie in new[] { antiforgeryCookie, authCookie })
        {
            var attributes = cookie.ToLowerInvariant();
            Assert.Contains("; secure", attributes, StringComparison.Ordinal);
            Assert.Contains("; httponly", attributes, StringComparison.Ordinal);
            Assert.Matches("; samesite=(lax|strict)", attributes);
        }
    }

    [Fact]
    public async Task Every_post_form_on_every_page_has_an_antiforgery_token_and_a_post_without_it_is_refused()
    {
        var world = await MatrixWorld.CreateAsync(fixture.App);
        var callers = new Dictionary<Access, HttpClient>
        {
            [Access.Public] = fixture.App.Anonymous(),
            [Access.SignedIn] = await world.SignInWithCookieAsync(Roles.Admin),
            [Access.PatientAccount] = await world.SignInWithCookieAsync(CallerKind.PatientA),
        };
        callers[Access.Clinician] = callers[Access.SignedIn];
        callers[Access.Admin] = callers[Access.SignedIn];
        callers[Access.PatientRecord] = callers[Access.SignedIn];
        callers[Access.OwnRecordOnly] = callers[Access.PatientAccount];
        var formsSeen = 0;
        var failures = new List<string>();

        var pages = AuthorizationMatrixTests.Endpoints(fixture.App)
            .Where(e => e.Method == "GET" && AuthorizationMatrixTests.IsPage(e.Endpoint))
            .Where(e => e.Key != "GET /account/logout")
            // The SMART launch pages only redirect (to the EHR, then to the patient) or refuse; they hold no form.
            .Where(e => !e.Key.StartsWith("GET /smart/", StringComparison.Ordinal));
        foreach (var (_, key, endpoint) in pages)
        {
            var rule = AccessTable.Rules[key];
            var client = callers[rule.Access];
            var path = AuthorizationMatrixTests.Fill(endpoint.RoutePattern, rule, world);
            var html = await client.GetStringAsync(path, Cancel);
            foreach (Match form in PostForm().Matches(html))
            {
                formsSeen++;
                if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                {
                    failures.Add($"{path}: a post form without an antiforgery token");
                }

                var action = WebUtility.HtmlDecode(ActionAttribute().Match(form.Value) is { Success: true } a ? a.Groups[1].Value : path);
                var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }), Cancel);
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"{path}: posting its form to {action} without the token gave {(int)response.StatusCode}, expected 400");
                }
            }
        }

        Assert.True(formsSeen >= 8, $"only {formsSeen} forms found");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("/api/v1/evaluate", "application/problem+json")]
    [InlineData("/api/v1/patients/{patient}/assessments", "application/problem+json")]
    [InlineData("/api/v1/patients", "application/problem+json")]
    [InlineData("/fhir/QuestionnaireResponse/$assess", "application/fhir+json")]
    [InlineData("/fhir/QuestionnaireResponse", "application/fhir+json")]
    public async Task An_oversized_body_is_refused_with_413_and_a_problem(string route, string mediaType)
    {
        var clinician = await fixture.App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Size Limit Patient");
        var huge = "{\"name\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";

        var response = await clinician.PostAsync(route.Replace("{patient}", patient.ToString(), StringComparison.Ordinal), Inputs.Json(huge), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    private static string? Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal))?[(name.Length + 1)..];

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    [GeneratedRegex("^<form[^>]*action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ActionAttribute();
}
