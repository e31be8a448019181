using KneeSpine.Store.Database;
using KneeSpine.Web.Notifications;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.Notifications;

/// <summary>
/// The outbox against a real SMTP server process that goes down, refuses, hangs, and an app that restarts: the email
/// always arrives, once, and the clinic's request never waits for it.
/// </summary>
public abstract class OutboxDeliveryTests(TestDatabaseKind kind)
{
    private const string Nurse = NotifyingAppFixture.Nurse;

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_mail_server_outage_delays_the_email_retrying_at_most_60_seconds_apart_and_it_arrives_once_when_the_server_is_back()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        smtp.Stop();
        await using var app = await TestApp.StartAsync(kind, Notified.Settings(smtp, Nurse));
        var (clinician, patient) = await Notified.PatientAsync(app, "Outage Patient");
        await Notified.StoreAsync(clinician, patient, Notified.Emergency());

        // Ten minutes of the app's clock, the sender running every 10 s.
        for (var run = 0; run < 60; run++)
        {
            await Notified.SendAsync(app);
            var row = Assert.Single(await Notified.OutboxAsync(app));
            Assert.Null(row.SentAt);
            Assert.NotNull(row.LastError);
            Assert.InRange(row.NextAttemptAt - row.LastAttemptAt!.Value, TimeSpan.FromSeconds(1), OutboxBackoff.Longest);
            app.Time.Advance(Step);
        }

        var failing = Assert.Single(await Notified.OutboxAsync(app));
        // At least one attempt a minute (plus the first ones, closer together).
        Assert.InRange(failing.Attempts, 10, 60);
        Assert.Equal(OutboxBackoff.Longest, failing.NextAttemptAt - failing.LastAttemptAt!.Value);
        Assert.Empty(smtp.Messages);

        await smtp.StartAgainAsync();
        await Notified.SendUntilAsync(app, rows => rows.All(r => r.SentAt is not null), Step);
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await Notified.SendAsync(app);

        var email = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal(Nurse, email.To.Mailboxes.Single().Address);
        var sent = Assert.Single(await Notified.OutboxAsync(app));
        Assert.Null(sent.LastError);
        Assert.Equal(failing.Attempts + 1, sent.Attempts);
    }

    [Fact]
    public async Task A_mail_server_that_refuses_the_message_keeps_it_until_it_accepts()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        smtp.Reject();
        await using var app = await TestApp.StartAsync(kind, Notified.Settings(smtp, Nurse));
        var (clinician, patient) = await Notified.PatientAsync(app, "Refused Patient");
        await Notified.StoreAsync(clinician, patient, Notified.Emergency());

        var run = await Notified.SendAsync(app);

        Assert.Equal(new OutboxRun(0, 1), run);
        var refused = Assert.Single(await Notified.OutboxAsync(app));
        Assert.StartsWith("The mail server answered 550 (RecipientNotAccepted)", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(1, refused.Attempts);
        Assert.Null(refused.SentAt);

        smtp.Accept();
        await Notified.SendUntilAsync(app, rows => rows.All(r => r.SentAt is not null), Step);

        Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal(2, Assert.Single(await Notified.OutboxAsync(app)).Attempts);
    }

    [Fact]
    public async Task A_hung_mail_server_neither_holds_up_storing_results_nor_loses_the_emails()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        smtp.Stall();
        await using var app = await TestApp.StartAsync(kind, Notified.Settings(smtp, Nurse));
        var (clinician, patient) = await Notified.PatientAsync(app, "Hung Server Patient");
        await Notified.StoreAsync(clinician, patient, Notified.Emergency());

        // The sender is now stuck on a server that accepted the connection and says nothing...
        var stuck = Notified.SendAsync(app);
        // ... and the clinic still stores the next worrying result (StoreAsync asserts the 201).
        await Notified.StoreAsync(clinician, patient, Notified.Urgent());

        Assert.Equal(0, (await stuck).Sent);
        var rows = await Notified.OutboxAsync(app);
        Assert.True(rows.Any(m => m.LastError == "Timed out waiting for the mail server."), "Last errors: " + string.Join(" | ", rows.Select(m => m.LastError)));
        Assert.Empty(smtp.Messages);

        smtp.Accept();
        await Notified.SendUntilAsync(app, rows => rows.Count == 2 && rows.All(r => r.SentAt is not null), Step);
        Assert.Equal(2, (await smtp.WaitForMessagesAsync(2)).Count);
        Assert.Equal(2, smtp.Messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_message_that_hangs_does_not_hold_up_the_others()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(kind, Notified.Settings(smtp, "stall@clinic.test", Nurse));
        var (clinician, patient) = await Notified.PatientAsync(app, "Stuck Message Patient");
        await Notified.StoreAsync(clinician, patient, Notified.Emergency());

        var run = await Notified.SendAsync(app);

        Assert.Equal(new OutboxRun(1, 1), run);
        Assert.Equal(Nurse, Assert.Single(await smtp.WaitForMessagesAsync(1)).To.Mailboxes.Single().Address);
        var rows = await Notified.OutboxAsync(app);
        var stuck = Assert.Single(rows, r => r.Recipient == "stall@clinic.test");
        Assert.Null(stuck.SentAt);
        Assert.Equal("Timed out waiting for the mail server.", stuck.LastError);
        Assert.NotNull(Assert.Single(rows, r => r.Recipient == Nurse).SentAt);
    }

    [Fact]
    public async Task Emails_wait_across_a_restart_and_one_a_crashed_node_was_sending_goes_out_when_its_lease_runs_out()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var smtp = await SmtpTestServer.StartAsync();
        Guid waiting, crashed;
        await using (var before = TestApp.Start(database, Notified.Settings(null, Nurse)))
        {
            var (clinician, patient) = await Notified.PatientAsync(before, "Restart Patient");
            waiting = (await Notified.ItemOfAsync(before, await Notified.StoreAsync(clinician, patient, Notified.Emergency()))).Id;
            crashed = (await Notified.ItemOfAsync(before, await Notified.StoreAsync(clinician, patient, Notified.Urgent()))).Id;
            // As if a node took the second message and died before it could record the outcome.
            var leasedUntil = before.Time.GetUtcNow() + TimeSpan.FromMinutes(5);
            await before.WithServiceAsync<KneeSpineDbContext, int>(db => db.OutboxMessages.Where(m => m.WorklistItemId == crashed)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeasedBy, "crashed-node").SetProperty(m => m.LeasedUntil, leasedUntil), Cancel));
        }

        await using var after = TestApp.Start(database, Notified.Settings(smtp, Nurse));
        await Notified.SendAsync(after);

        var first = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Contains(waiting.ToString(), first.TextBody, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await Notified.OutboxAsync(after), m => m.WorklistItemId == crashed).SentAt);

        after.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await Notified.SendAsync(after);

        var both = await smtp.WaitForMessagesAsync(2);
        Assert.Equal(2, both.Count);
        Assert.Contains(both, m => (m.TextBody ?? "").Contains(crashed.ToString(), StringComparison.Ordinal));
        Assert.All(await Notified.OutboxAsync(after), m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task The_background_sender_delivers_on_its_own_as_the_clock_moves()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(kind, Notified.Settings(smtp, Nurse));
        var (clinician, patient) = await Notified.PatientAsync(app, "Background Sender Patient");
        await Notified.StoreAsync(clinician, patient, Notified.Emergency());

        // Nobody calls the sender here: only the hosted loop, waiting on the app's clock, can deliver.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (smtp.Messages.Count == 0 && DateTime.UtcNow < until)
        {
            app.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(200, Cancel);
        }

        Assert.Single(smtp.Messages);
        // The loop records the send just after the server accepted it.
        while ((await Notified.OutboxAsync(app)).Single().SentAt is null && DateTime.UtcNow < until)
        {
            await Task.Delay(100, Cancel);
        }

        Assert.NotNull(Assert.Single(await Notified.OutboxAsync(app)).SentAt);
    }

    [Fact]
    public async Task Without_a_mail_server_emails_wait_unsent_and_the_start_up_log_says_so()
    {
        await using var app = await TestApp.StartAsync(kind, Notified.Settings(null, Nurse));
        var (clinician, patient) = await Notified.PatientAsync(app, "No Server Patient");
        await Notified.StoreAsync(clinician, patient, Notified.Emergency());

        Assert.Equal(new OutboxRun(0, 0), await Notified.SendAsync(app));

        var waiting = Assert.Single(await Notified.OutboxAsync(app));
        Assert.Equal(0, waiting.Attempts);
        Assert.Null(waiting.SentAt);
        Assert.Contains(app.Logs.Messages, m => m.StartsWith("Warning", StringComparison.Ordinal) && m.Contains("No mail server is configured", StringComparison.Ordinal));
    }
}

public sealed class OutboxDeliveryOnSqlite() : OutboxDeliveryTests(TestDatabaseKind.Sqlite);

public sealed class OutboxDeliveryOnPostgres() : OutboxDeliveryTests(TestDatabaseKind.Postgres);
