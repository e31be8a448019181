namespace KneeSpine.Web.Tests.Infrastructure;

/// <summary>One app and one fresh database shared by the tests of one class.</summary>
public abstract class AppFixture(TestDatabaseKind kind, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    private TestApp? _app;

    public TestDatabaseKind Kind => kind;

    public TestApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(kind, settings);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : AppFixture(TestDatabaseKind.Sqlite);

public sealed class PostgresApp() : AppFixture(TestDatabaseKind.Postgres);
