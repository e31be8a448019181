using System.Net.Http.Headers;
using System.Text;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Web.Tests.Security;

/// <summary>
/// Every GET route the app maps (API, FHIR, pages, health, CDS Hooks discovery), read from its endpoint table rather than
/// listed by hand, so a route added later is covered too; route values are filled with a real patient and assessment,
/// and each route is called as an admin would (a bearer token for /api and /fhir, a signed-in browser for pages).
/// </summary>
internal sealed class GetRoutes
{
    private GetRoutes(HttpClient api, HttpClient browser, IReadOnlyList<string> paths)
    {
        Api = api;
        Browser = browser;
        Paths = paths;
    }

    public HttpClient Api { get; }

    public HttpClient Browser { get; }

    /// <summary>One path (with its query) per GET route.</summary>
    public IReadOnlyList<string> Paths { get; }

    public static async Task<GetRoutes> CreateAsync(TestApp app, Guid patient)
    {
        var cancel = TestContext.Current.CancellationToken;
        var api = await app.ClientAsync(Roles.Admin);
        var created = await api.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(Inputs.Valid()), cancel);
        var assessment = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();
        var email = $"routes-{Guid.NewGuid():N}@example.org";
        await app.CreateAccountAsync(Roles.Admin, email: email);
        var browser = await app.SignInWithCookieAsync(email);

        var paths = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Get))
            .Select(e => PathOf(e.RoutePattern, patient, assessment))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new GetRoutes(api, browser, paths);
    }

    /// <summary>Calls <paramref name="path"/> as its surface expects.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken)
    {
        if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/fhir", StringComparison.Ordinal))
        {
            return Api.GetAsync(path, cancellationToken);
        }

        var page = new HttpRequestMessage(HttpMethod.Get, path);
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.8));
        return Browser.SendAsync(page, cancellationToken);
    }

    /// <summary>The path for a route, or null for a static file (no database behind it) or a catch-all.</summary>
    private static string? PathOf(RoutePattern pattern, Guid patient, Guid assessment)
    {
        var path = new StringBuilder();
        string? previous = null;
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        previous = literal.Content;
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart { IsCatchAll: true }:
                        return null;
                    case RoutePatternParameterPart { IsOptional: true }:
                        break;
                    case RoutePatternParameterPart parameter:
                        path.Append(IsPatient(parameter.Name, previous) ? patient : assessment);
                        break;
                }
            }
        }

        var text = path.Length == 0 ? "/" : path.ToString().TrimEnd('/');
        if (text.Length == 0)
        {
            text = "/";
        }

        var last = text[(text.LastIndexOf('/') + 1)..];
        if (last.Contains('.', StringComparison.Ordinal) && !text.StartsWith("/openapi/", StringComparison.Ordinal))
        {
            return null;
        }

        // FHIR searches need a subject to reach the database.
        return text.StartsWith("/fhir/", StringComparison.Ordinal) && last.Length > 0 && char.IsUpper(last[0]) && !text.Contains('{', StringComparison.Ordinal)
            && text.Count(c => c == '/') == 2
            ? $"{text}?patient=Patient/{patient}"
            : text;
    }

    private static bool IsPatient(string name, string? previousLiteral) =>
        name.StartsWith("patient", StringComparison.OrdinalIgnoreCase)
        || (name.Equals("id", StringComparison.OrdinalIgnoreCase) && previousLiteral is "patients" or "Patient");
}
