using System.Net;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Store.Notifications;
using KneeSpine.Web.Tests.Audit;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.Notifications;

/// <summary>/admin/outbox: what waits, what failed and why, what was sent; admins only, audited.</summary>
public abstract class OutboxPageTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Admins_see_pending_failing_and_sent_messages_with_the_last_error_and_next_attempt()
    {
        var marker = Marker();
        var (_, failing, _) = await SeedAsync(marker);
        var admin = await AdminAsync();

        var html = await PageAsync(admin, "/admin/outbox");

        Assert.Contains($"pending-{marker}@clinic.test", html, StringComparison.Ordinal);
        Assert.Contains($"sent-{marker}@clinic.test", html, StringComparison.Ordinal);
        Assert.Contains($"failing-{marker}@clinic.test", html, StringComparison.Ordinal);
        Assert.Contains($"550 refused {marker}", html, StringComparison.Ordinal);
        // The test app runs on UTC (no KneeSpine:Clinic:TimeZone), so the clinic time is the UTC wall clock.
        Assert.Contains(failing.NextAttemptAt.UtcDateTime.ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        // This app has no mail server: the page says why nothing goes out.
        Assert.Contains("No mail server is configured", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_state_filter_shows_only_messages_in_that_state()
    {
        var marker = Marker();
        await SeedAsync(marker);
        var admin = await AdminAsync();

        var html = await PageAsync(admin, "/admin/outbox?state=failing");

        Assert.Contains($"failing-{marker}@clinic.test", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"pending-{marker}@clinic.test", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"sent-{marker}@clinic.test", html, StringComparison.Ordinal);
        Assert.Contains("Choose pending, failing or sent", await PageAsync(admin, "/admin/outbox?state=lost"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_outbox_is_audited_and_clinicians_are_refused()
    {
        var admin = await AdminAsync();
        var mark = await AuditTrail.MarkAsync(App);

        await PageAsync(admin, "/admin/outbox");

        Assert.Equal(AuditAction.OutboxRead, (await AuditTrail.SingleSinceAsync(App, mark)).Action);
        var clinician = await App.ClientAsync(Roles.Clinician);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync("/admin/outbox", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Try_again_now_makes_a_failing_message_due_at_once_and_is_audited()
    {
        var (_, failing, _) = await SeedAsync(Marker());
        var email = $"outbox-admin-{Guid.NewGuid():N}@example.org";
        await App.CreateAccountAsync(Roles.Admin, email: email);
        var browser = await Browser.SignedInAsync(App, email);
        var mark = await AuditTrail.MarkAsync(App);

        var (response, _) = await browser.PostFormAsync("/admin/outbox", $"/admin/outbox?handler=Retry&id={failing.Id}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/outbox?retried=yes", response.Headers.Location?.OriginalString);
        var row = await App.WithServiceAsync<KneeSpineDbContext, OutboxMessage>(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == failing.Id, Cancel));
        Assert.Equal(App.Time.GetUtcNow(), row.NextAttemptAt);
        Assert.Contains(await AuditTrail.SinceAsync(App, mark), e => e.Action == AuditAction.OutboxRetry && e.Detail == $"outbox message {failing.Id}");
    }

    private static string Marker() => Guid.NewGuid().ToString("N")[..10];

    private async Task<(OutboxMessage Pending, OutboxMessage Failing, OutboxMessage Sent)> SeedAsync(string marker)
    {
        var now = App.Time.GetUtcNow();
        OutboxMessage Message(string state) => new()
        {
            Id = Guid.NewGuid(),
            Kind = OutboxMessageKind.Email,
            Topic = "test",
            Recipient = $"{state}-{marker}@clinic.test",
            Subject = "KneeSpine test",
            Body = "test",
            CreatedAt = now.AddMinutes(-10),
            NextAttemptAt = now.AddMinutes(-10),
        };
        var pending = Message("pending");
        var failing = Message("failing");
        failing.Attempts = 7;
        failing.LastAttemptAt = now.AddSeconds(-30);
        failing.NextAttemptAt = now.AddSeconds(30);
        failing.LastError = $"SmtpCommandException: 550 refused {marker}";
        var sent = Message("sent");
        sent.Attempts = 1;
        sent.LastAttemptAt = now.AddMinutes(-9);
        sent.SentAt = now.AddMinutes(-9);
        await App.WithServiceAsync<KneeSpineDbContext, int>(db =>
        {
            db.OutboxMessages.AddRange(pending, failing, sent);
            return db.SaveChangesAsync(Cancel);
        });
        return (pending, failing, sent);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var email = $"outbox-admin-{Guid.NewGuid():N}@example.org";
        await App.CreateAccountAsync(Roles.Admin, email: email);
        return (await Browser.SignedInAsync(App, email)).Client;
    }

    private static async Task<string> PageAsync(HttpClient admin, string url)
    {
        var (response, body) = await AuditTrail.GetAsync(admin, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body;
    }
}

public sealed class OutboxPageOnSqlite(SqliteApp app) : OutboxPageTests(app), IClassFixture<SqliteApp>;

public sealed class OutboxPageOnPostgres(PostgresApp app) : OutboxPageTests(app), IClassFixture<PostgresApp>;
