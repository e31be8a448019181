using KneeSpine.Web.Tests.CdsHooks;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Smart;

/// <summary>
/// An app registered with a <see cref="MockEhr"/> under four FHIR bases: <c>/fhir</c> and <c>/mrn/fhir</c> (where the MRN
/// identifier system is configured) with a client secret, <c>/jwt/fhir</c> with private_key_jwt and
/// <c>/unregistered-key/fhir</c> with a key the EHR does not know; clinicians mapped by <c>{id}@hospital.example</c>;
/// and an EHR where nothing listens.
/// </summary>
public abstract class SmartApp(TestDatabaseKind kind) : IAsyncLifetime
{
    public const string UserDomain = "@hospital.example";

    /// <summary>Where the app (in memory, at http://localhost) is sent back to.</summary>
    public static readonly Uri RedirectUri = new("http://localhost/smart/callback");

    private TestApp? _app;
    private MockEhr? _ehr;

    public TestApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public MockEhr Ehr => _ehr ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Configured, but nothing listens there.</summary>
    public Uri Unreachable { get; } = FakeEhrServer.Unreachable();

    public async ValueTask InitializeAsync()
    {
        _ehr = await MockEhr.StartAsync(RedirectUri);
        _app = await TestApp.StartAsync(kind, new Dictionary<string, string?>
        {
            ["KneeSpine:Smart:Ehrs:0:Issuer"] = _ehr.FhirBase.AbsoluteUri,
            ["KneeSpine:Smart:Ehrs:0:ClientId"] = MockEhr.ClientId,
            ["KneeSpine:Smart:Ehrs:0:ClientSecret"] = MockEhr.ClientSecret,
            ["KneeSpine:Smart:Ehrs:0:UserMapping:Template"] = "{id}" + UserDomain,
            ["KneeSpine:Smart:Ehrs:1:Issuer"] = _ehr.MrnFhirBase.AbsoluteUri,
            ["KneeSpine:Smart:Ehrs:1:ClientId"] = MockEhr.MrnClientId,
            ["KneeSpine:Smart:Ehrs:1:ClientSecret"] = MockEhr.ClientSecret,
            ["KneeSpine:Smart:Ehrs:1:PatientIdentifierSystem"] = SmartLaunchTests.MrnSystem,
            ["KneeSpine:Smart:Ehrs:1:UserMapping:Template"] = "{id}" + UserDomain,
            ["KneeSpine:Smart:Ehrs:2:Issuer"] = Unreachable.AbsoluteUri,
            ["KneeSpine:Smart:Ehrs:2:ClientId"] = MockEhr.ClientId,
            ["KneeSpine:Smart:Ehrs:2:ClientSecret"] = MockEhr.ClientSecret,
            ["KneeSpine:Smart:Ehrs:3:Issuer"] = _ehr.JwtFhirBase.AbsoluteUri,
            ["KneeSpine:Smart:Ehrs:3:ClientId"] = MockEhr.JwtClientId,
            ["KneeSpine:Smart:Ehrs:3:PrivateKeyPath"] = _ehr.ClientKeyPath,
            ["KneeSpine:Smart:Ehrs:3:PrivateKeyId"] = MockEhr.ClientKeyId,
            ["KneeSpine:Smart:Ehrs:3:PatientIdentifierSystem"] = SmartLaunchTests.MrnSystem,
            ["KneeSpine:Smart:Ehrs:3:UserMapping:Template"] = "{id}" + UserDomain,
            ["KneeSpine:Smart:Ehrs:4:Issuer"] = _ehr.UnregisteredKeyFhirBase.AbsoluteUri,
            ["KneeSpine:Smart:Ehrs:4:ClientId"] = MockEhr.JwtClientId,
            ["KneeSpine:Smart:Ehrs:4:PrivateKeyPath"] = _ehr.UnregisteredKeyPath,
            ["KneeSpine:Smart:Ehrs:4:UserMapping:Template"] = "{id}" + UserDomain,
            // Generous: the machine running the tests is busy; the unreachable EHR refuses at once anyway.
            ["KneeSpine:Smart:TimeoutSeconds"] = "60",
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

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSmartApp() : SmartApp(TestDatabaseKind.Sqlite);

public sealed class PostgresSmartApp() : SmartApp(TestDatabaseKind.Postgres);
