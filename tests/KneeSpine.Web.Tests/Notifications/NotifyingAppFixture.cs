using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Notifications;

/// <summary>One test SMTP server and one app that emails two care-team addresses through it, shared by a test class.</summary>
public abstract class NotifyingAppFixture(TestDatabaseKind kind) : IAsyncLifetime
{
    public const string Nurse = "nurse@clinic.test";
    public const string Surgeon = "surgeon@clinic.test";

    private SmtpTestServer? _smtp;
    private TestApp? _app;

    public SmtpTestServer Smtp => _smtp ?? throw new InvalidOperationException("The fixture has not started.");

    public TestApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _app = await TestApp.StartAsync(kind, Notified.Settings(_smtp, Nurse, Surgeon));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class NotifyingSqliteApp() : NotifyingAppFixture(TestDatabaseKind.Sqlite);

public sealed class NotifyingPostgresApp() : NotifyingAppFixture(TestDatabaseKind.Postgres);
