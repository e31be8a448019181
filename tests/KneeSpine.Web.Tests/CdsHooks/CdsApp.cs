using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.CdsHooks;

/// <summary>An app whose CDS Hooks configuration trusts one test EHR (<see cref="EhrKeys"/>).</summary>
public abstract class CdsApp(TestDatabaseKind kind) : IAsyncLifetime
{
    private TestApp? _app;

    public EhrKeys Keys { get; } = new();

    public TestApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(kind, Trusting(Keys));

    /// <summary>Settings under which an app trusts the test EHR that signs with <paramref name="keys"/>.</summary>
    public static Dictionary<string, string?> Trusting(EhrKeys keys) => new()
    {
        ["KneeSpine:CdsHooks:Clients:0:Issuer"] = EhrKeys.Issuer,
        ["KneeSpine:CdsHooks:Clients:0:JwksPath"] = keys.JwksPath,
    };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Keys.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteCdsApp() : CdsApp(TestDatabaseKind.Sqlite);

public sealed class PostgresCdsApp() : CdsApp(TestDatabaseKind.Postgres);
