using System.Net;
using System.Text;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps, taken from its own endpoint data, called by every kind of caller. A new endpoint
/// that is not in <see cref="AccessTable"/> fails the test, so nothing can be added without deciding who reaches it.
/// </summary>
public sealed class AuthorizationMatrixTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_endpoint_is_in_the_access_table_and_answers_each_caller_as_the_table_says()
    {
        var app = fixture.App;
        var world = await MatrixWorld.CreateAsync(app);
        var failures = new List<string>();
        var endpoints = Endpoints(app).ToList();
        Assert.True(endpoints.Count > 20, "the endpoint data source looks empty");

        foreach (var (method, key, endpoint) in endpoints)
        {
            if (IsStaticAsset(endpoint))
            {
                await CheckStaticAssetAsync(world, method, endpoint, failures);
                continue;
            }

            if (!AccessTable.Rules.TryGetValue(key, out var rule))
            {
                failures.Add($"{key} ({endpoint.DisplayName}): not in the authorization matrix. Add it to AccessTable in tests/KneeSpine.Web.Tests/Security/AccessTable.cs with who may reach it.");
                continue;
            }

            var url = Fill(endpoint.RoutePattern, rule, world) + (rule.Query is null ? "" : "?" + rule.Query.Replace("{patient}", world.PatientA.ToString(), StringComparison.Ordinal));
            foreach (var caller in world.Callers())
            {
                var response = await SendAsync(caller.Client, method, url);
                var body = await response.Content.ReadAsStringAsync(Cancel);
                var verdict = Judge(rule.Access, caller.Kind, response, method == HttpMethods.Post && IsPage(endpoint));
                if (verdict is not null)
                {
                    failures.Add($"{key} ({url}) as {caller.Kind}: {verdict} (got {(int)response.StatusCode}{Location(response)})");
                }

                if (caller.Kind == CallerKind.PatientB && body.Contains(world.PatientAName, StringComparison.Ordinal))
                {
                    failures.Add($"{key} ({url}) as {caller.Kind}: the answer shows patient A's name");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task The_table_names_no_route_the_app_does_not_map()
    {
        var mapped = Endpoints(fixture.App).Select(e => e.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var stale = AccessTable.Rules.Keys.Where(k => !mapped.Contains(k)).ToList();

        Assert.True(stale.Count == 0, "Remove from AccessTable (no longer mapped): " + string.Join(", ", stale));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_cds_hooks_service_refuses_a_signed_in_browser_cookie()
    {
        var world = await MatrixWorld.CreateAsync(fixture.App);
        var cookie = await world.SignInWithCookieAsync(Roles.Clinician);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/patients", Cancel)).StatusCode);

        foreach (var path in new[] { "/cds-services/kneespine-back-pain", "/cds-services/kneespine-back-pain/feedback" })
        {
            var response = await cookie.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"), Cancel);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    internal static IEnumerable<(string Method, string Key, RouteEndpoint Endpoint)> Endpoints(TestApp app)
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            // Razor Pages (and health checks) take any method: a page's form posts, so both are checked.
            var effective = methods is { Count: > 0 } ? methods.Where(m => m != HttpMethods.Head).ToArray()
                : IsPage(endpoint) ? ["GET", "POST"]
                : ["GET"];
            foreach (var method in effective)
            {
                yield return (method, $"{method} {Normalize(endpoint.RoutePattern)}", endpoint);
            }
        }
    }

    /// <summary><c>/api/v1/patients/{patientId:guid}/assessments/</c> becomes <c>/api/v1/patients/{patientId}/assessments</c>.</summary>
    internal static string Normalize(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "?",
        })));
        return "/" + string.Join('/', segments).ToLowerInvariant();
    }

    internal static string Fill(RoutePattern pattern, AccessRule rule, MatrixWorld world)
    {
        // /fhir/{Type}/{id}: the type says which of patient A's FHIR resources {id} names.
        var resourceType = pattern.PathSegments.Count > 1 && pattern.PathSegments[1].Parts.FirstOrDefault() is RoutePatternLiteralPart type ? type.Content : "";
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => world.Value(parameter.Name, rule.Id, resourceType),
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    internal static bool IsPage(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null;

    private static bool IsStaticAsset(Endpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.StaticAssets", StringComparison.Ordinal) == true);

    private static async Task CheckStaticAssetAsync(MatrixWorld world, string method, RouteEndpoint endpoint, List<string> failures)
    {
        if (method != HttpMethods.Get || endpoint.RoutePattern.Parameters.Count > 0)
        {
            return;
        }

        var url = Fill(endpoint.RoutePattern, new AccessRule(Access.Public), world);
        var response = await SendAsync(world.Anonymous, method, url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            failures.Add($"static asset {url}: anonymous GET gave {(int)response.StatusCode}, expected 200");
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
        {
            // An empty JSON object: authorised callers get a validation error, nothing is stored.
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, Cancel);
    }

    /// <summary>Null when the answer fits the rule; otherwise what is wrong.</summary>
    private static string? Judge(Access access, CallerKind caller, HttpResponseMessage response, bool pagePost)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "a server error";
        }

        var refused = Refused(response);
        var hidden = response.StatusCode == HttpStatusCode.NotFound;
        var expected = AccessTable.Reaches(access, caller);
        return expected switch
        {
            Reach.Yes when refused || hidden => "should reach it",
            Reach.No when !refused => "should be refused",
            // A page's POST without an antiforgery token is refused (400) before any record is looked at.
            Reach.NotOthersRecord when !(refused || hidden || (pagePost && response.StatusCode == HttpStatusCode.BadRequest)) =>
                "reached another patient's record (expected 403 or 404)",
            _ => null,
        };
    }

    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString is { } location
            && (location.Contains("/account/login", StringComparison.OrdinalIgnoreCase) || location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase)));

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? " -> " + location.OriginalString : "";
}
