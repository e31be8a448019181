using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Notifications;

/// <summary>Two app nodes on one PostgreSQL database, both sending the outbox: every email goes out exactly once.</summary>
public sealed class TwoNodeOutboxTests
{
    private const int Results = 30;

    [Fact]
    public async Task Two_nodes_sending_at_once_deliver_each_email_once()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Postgres);
        await using var smtp = await SmtpTestServer.StartAsync();
        var settings = Notified.Settings(smtp, NotifyingAppFixture.Nurse, NotifyingAppFixture.Surgeon);
        await using var first = TestApp.Start(database, settings);
        await using var second = TestApp.Start(database, settings);
        var (clinician, patient) = await Notified.PatientAsync(first, "Two Nodes Patient");
        for (var i = 0; i < Results; i++)
        {
            await Notified.StoreAsync(clinician, patient, i % 2 == 0 ? Notified.Emergency() : Notified.Urgent());
        }

        var sent = 0;
        for (var round = 0; round < 20 && sent < 2 * Results; round++)
        {
            var runs = await Task.WhenAll(Notified.SendAsync(first), Notified.SendAsync(second));
            sent += runs.Sum(r => r.Sent);
            Assert.All(runs, r => Assert.Equal(0, r.Failed));
        }

        var outbox = await Notified.OutboxAsync(first);
        Assert.Equal(2 * Results, outbox.Count);
        Assert.All(outbox, m => Assert.Equal(1, m.Attempts));
        Assert.Equal(2 * Results, sent);
        var received = await smtp.WaitForMessagesAsync(2 * Results);
        Assert.Equal(2 * Results, received.Count);
        // One message per outbox row, none twice: the sender sets each row's id as the Message-Id.
        Assert.Equal(
            outbox.Select(m => m.Id.ToString("N")).Order(StringComparer.Ordinal),
            received.Select(m => m.MessageId!.Split('@')[0]).Order(StringComparer.Ordinal));
    }
}
