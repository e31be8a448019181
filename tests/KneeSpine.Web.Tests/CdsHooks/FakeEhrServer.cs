using System.Collections.Concurrent;
using Hl7.Fhir.Model;
using KneeSpine.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.CdsHooks;

/// <summary>
/// A test EHR on 127.0.0.1 (real Kestrel, a random port): its JWKS at <c>/.well-known/jwks.json</c>, and FHIR servers
/// that answer the latest-assessment search from <see cref="Responses"/> (<c>/fhir</c>), fail (<c>/broken/fhir</c>),
/// answer what is not FHIR (<c>/garbage/fhir</c>) or never answer in time (<c>/slow/fhir</c>). Every request is recorded.
/// </summary>
public sealed class FakeEhrServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeEhrServer(WebApplication app) => _app = app;

    /// <summary>The base address, <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The search answers by patient id.</summary>
    public ConcurrentDictionary<string, Bundle> Responses { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request seen: path and query, and the Authorization header.</summary>
    public ConcurrentQueue<(string PathAndQuery, string? Authorization)> Requests { get; } = new();

    public Uri FhirBase(string prefix = "") => new(BaseAddress, prefix + "/fhir");

    public static async Task<FakeEhrServer> StartAsync(string jwksJson)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeEhrServer(app);
        app.Use((context, next) =>
        {
            server.Requests.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.FirstOrDefault()));
            return next(context);
        });
        app.MapGet("/.well-known/jwks.json", () => Results.Text(jwksJson, "application/json"));
        app.MapGet("/fhir/QuestionnaireResponse", (string subject) =>
        {
            var patientId = subject.StartsWith("Patient/", StringComparison.Ordinal) ? subject["Patient/".Length..] : subject;
            var bundle = server.Responses.TryGetValue(patientId, out var found) ? found : new Bundle { Type = Bundle.BundleType.Searchset, Total = 0 };
            return Results.Text(FhirJson.Serialize(bundle), "application/fhir+json");
        });
        app.MapGet("/broken/fhir/QuestionnaireResponse", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
        app.MapGet("/garbage/fhir/QuestionnaireResponse", () => Results.Text("[\"not\", \"a resource\"]", "application/fhir+json"));
        app.MapGet("/slow/fhir/QuestionnaireResponse", async (HttpContext context) =>
        {
            // Never answers in time: it ends when the caller gives up (the app's timeout), or at the latest with the server.
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            return Results.Ok();
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return server;
    }

    /// <summary>An address on 127.0.0.1 where nothing listens: a port that was just free.</summary>
    public static Uri Unreachable()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/fhir");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
