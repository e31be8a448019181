using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.CdsHooks;

/// <summary>
/// An app trusting one test EHR whose keys come from a JWKS URL and whose FHIR servers are on the allow-list, all
/// served by a <see cref="FakeEhrServer"/> on 127.0.0.1; calls to an EHR FHIR server time out after one second.
/// </summary>
public abstract class CdsFhirServerApp(TestDatabaseKind kind) : IAsyncLifetime
{
    private TestApp? _app;
    private FakeEhrServer? _ehr;

    public EhrKeys Keys { get; } = new();

    public TestApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public FakeEhrServer Ehr => _ehr ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>On the allow-list, but nothing listens there.</summary>
    public Uri Unreachable { get; } = FakeEhrServer.Unreachable();

    public async ValueTask InitializeAsync()
    {
        _ehr = await FakeEhrServer.StartAsync(Keys.JwksJson);
        _app = await TestApp.StartAsync(kind, new Dictionary<string, string?>
        {
            ["KneeSpine:CdsHooks:Clients:0:Issuer"] = EhrKeys.Issuer,
            ["KneeSpine:CdsHooks:Clients:0:JwksUrl"] = new Uri(_ehr.BaseAddress, "/.well-known/jwks.json").AbsoluteUri,
            // Loopback over plain http is allowed only because the test configures it; production entries are https.
            ["KneeSpine:CdsHooks:Clients:0:FhirServers:0"] = _ehr.FhirBase().AbsoluteUri,
            ["KneeSpine:CdsHooks:Clients:0:FhirServers:1"] = _ehr.FhirBase("/broken").AbsoluteUri,
            ["KneeSpine:CdsHooks:Clients:0:FhirServers:2"] = _ehr.FhirBase("/garbage").AbsoluteUri,
            ["KneeSpine:CdsHooks:Clients:0:FhirServers:3"] = _ehr.FhirBase("/slow").AbsoluteUri,
            ["KneeSpine:CdsHooks:Clients:0:FhirServers:4"] = Unreachable.AbsoluteUri,
            // Long enough that the answering servers are never cut short on a busy machine; /slow outlasts it.
            ["KneeSpine:CdsHooks:FhirServerTimeoutSeconds"] = "10",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_ehr is not null)
        {
            await _ehr.DisposeAsync();
        }

        Keys.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteCdsFhirServerApp() : CdsFhirServerApp(TestDatabaseKind.Sqlite);

public sealed class PostgresCdsFhirServerApp() : CdsFhirServerApp(TestDatabaseKind.Postgres);
