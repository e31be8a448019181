using KneeSpine.Store.Accounts;
using KneeSpine.Store.Notifications;
using KneeSpine.Web.FollowUps;
using KneeSpine.Web.Tests.Infrastructure;
using KneeSpine.Web.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Web.Tests.FollowUps;

/// <summary>
/// The reminder job on a fake clock: one reminder on the due day (or at the first run after it), a second one 7 days
/// later if still not done, none once done, opted out or without email, and one row per reminder however many runs or
/// nodes. Each test has its own app and database, because each moves the clock.
/// </summary>
public abstract class FollowUpRemindersTests(TestDatabaseKind kind)
{
    private const string BaseUrl = "https://clinic.example.org";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => TestApp.Today;

    private static Dictionary<string, string?> Settings => new() { ["KneeSpine:PublicBaseUrl"] = BaseUrl };

    private Task<TestApp> StartAsync() => TestApp.StartAsync(kind, Settings);

    private static Task<int> RunOnceAsync(TestApp app) =>
        app.WithServiceAsync<FollowUpReminders, int>(job => job.RunOnceAsync(app.Time.GetUtcNow(), Cancel));

    /// <summary>A patient with <paramref name="email"/> whose surgery was <paramref name="daysAgo"/> days ago, assessed on day 2.</summary>
    private static async Task<(Guid Id, DateOnly Surgery)> PatientAsync(TestApp app, int daysAgo, string? email = "patient@example.org", string name = "Reminder Patient")
    {
        var clinician = await app.ClientAsync(Roles.Clinician);
        var id = await FollowUpPatients.CreateAsync(clinician, name, email);
        var surgery = Today.AddDays(-daysAgo);
        await FollowUpPatients.AssessAsync(clinician, id, surgery, surgery.AddDays(2));
        return (id, surgery);
    }

    [Fact]
    public async Task On_the_due_day_one_reminder_is_enqueued_with_the_link_and_no_clinical_detail()
    {
        await using var app = await StartAsync();
        var (id, surgery) = await PatientAsync(app, daysAgo: 14, name: "Ada Quill");

        await RunOnceAsync(app);

        var reminder = Assert.Single(await FollowUpPatients.RemindersAsync(app, id));
        Assert.Equal(FollowUpPatients.Key(id, surgery.AddDays(14), 1), reminder.DeduplicationKey);
        Assert.Equal(OutboxMessageKind.Email, reminder.Kind);
        Assert.Equal("patient@example.org", reminder.Recipient);
        Assert.Null(reminder.SentAt);
        Assert.Contains($"{BaseUrl}/me/follow-up", reminder.Body, StringComparison.Ordinal);
        foreach (var detail in new[] { "Ada", "Quill", "self-care", "selfcare", "triage", "urgent", "soon", "pain", "spinal", "1955" })
        {
            Assert.DoesNotContain(detail, reminder.Subject + reminder.Body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_reminder_reaches_the_patient_through_a_real_mail_server_with_the_link_and_nothing_about_their_health()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var app = await TestApp.StartAsync(kind, Notified.Settings(smtp));
        var (id, _) = await PatientAsync(app, daysAgo: 14, email: "ada.patient@example.org", name: "Ada Quill");

        await RunOnceAsync(app);
        await Notified.SendAsync(app);

        var email = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("ada.patient@example.org", email.To.Mailboxes.Single().Address);
        Assert.Equal(ReminderMessage.Subject, email.Subject);
        Assert.Contains($"{Notified.PublicBaseUrl}/me/follow-up", email.TextBody, StringComparison.Ordinal);
        foreach (var detail in new[] { "Ada", "Quill", "self-care", "triage", "pain", "spinal" })
        {
            Assert.DoesNotContain(detail, email.Subject + email.TextBody, StringComparison.OrdinalIgnoreCase);
        }

        Assert.NotNull(Assert.Single(await FollowUpPatients.RemindersAsync(app, id)).SentAt);
    }

    [Fact]
    public async Task The_day_before_a_check_in_nothing_is_enqueued()
    {
        await using var app = await StartAsync();
        var (id, _) = await PatientAsync(app, daysAgo: 13);

        await RunOnceAsync(app);

        Assert.Empty(await FollowUpPatients.RemindersAsync(app, id));
    }

    [Fact]
    public async Task A_check_in_already_past_at_the_first_run_gets_its_first_reminder_only()
    {
        await using var app = await StartAsync();
        var (id, surgery) = await PatientAsync(app, daysAgo: 30);

        await RunOnceAsync(app);

        Assert.Equal([FollowUpPatients.Key(id, surgery.AddDays(14), 1)], (await FollowUpPatients.RemindersAsync(app, id)).Select(m => m.DeduplicationKey));
    }

    [Fact]
    public async Task The_second_reminder_comes_seven_days_after_the_first_and_then_no_more()
    {
        await using var app = await StartAsync();
        var (id, surgery) = await PatientAsync(app, daysAgo: 14);
        var dueOn = surgery.AddDays(14);
        await RunOnceAsync(app);

        app.Time.Advance(TimeSpan.FromDays(6));
        await RunOnceAsync(app);
        Assert.Single(await FollowUpPatients.RemindersAsync(app, id));

        app.Time.Advance(TimeSpan.FromDays(1));
        await RunOnceAsync(app);
        var reminders = await FollowUpPatients.RemindersAsync(app, id);
        Assert.Equal([FollowUpPatients.Key(id, dueOn, 1), FollowUpPatients.Key(id, dueOn, 2)], reminders.Select(m => m.DeduplicationKey));
        Assert.Contains("second reminder", reminders[1].Body, StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromDays(10));
        await RunOnceAsync(app);
        Assert.Equal(2, (await FollowUpPatients.RemindersAsync(app, id)).Count);
    }

    [Fact]
    public async Task Once_the_check_in_is_done_no_further_reminder_is_enqueued()
    {
        await using var app = await StartAsync();
        var (id, surgery) = await PatientAsync(app, daysAgo: 14);
        await RunOnceAsync(app);
        var patient = await app.ClientAsync(Roles.Patient, id);
        await FollowUpPatients.AssessAsync(patient, id, surgery, Today);

        app.Time.Advance(TimeSpan.FromDays(8));
        await RunOnceAsync(app);

        Assert.Equal([FollowUpPatients.Key(id, surgery.AddDays(14), 1)], (await FollowUpPatients.RemindersAsync(app, id)).Select(m => m.DeduplicationKey));
    }

    [Fact]
    public async Task The_next_check_in_gets_its_own_reminder_when_it_falls_due()
    {
        await using var app = await StartAsync();
        var (id, surgery) = await PatientAsync(app, daysAgo: 41);
        await RunOnceAsync(app);

        app.Time.Advance(TimeSpan.FromDays(1));
        await RunOnceAsync(app);

        Assert.Equal(
            [FollowUpPatients.Key(id, surgery.AddDays(14), 1), FollowUpPatients.Key(id, surgery.AddDays(42), 1)],
            (await FollowUpPatients.RemindersAsync(app, id)).Select(m => m.DeduplicationKey));
    }

    [Fact]
    public async Task A_patient_who_opted_out_or_has_no_email_gets_no_reminder()
    {
        await using var app = await StartAsync();
        var (optedOut, _) = await PatientAsync(app, daysAgo: 14, email: "out@example.org");
        var (noEmail, _) = await PatientAsync(app, daysAgo: 14, email: null);
        await app.WithServiceAsync<FollowUpService, bool>(s => s.SetRemindersOptedOutAsync(optedOut, optedOut: true, Cancel));

        await RunOnceAsync(app);
        app.Time.Advance(TimeSpan.FromDays(7));
        await RunOnceAsync(app);

        Assert.Empty(await FollowUpPatients.RemindersAsync(app, optedOut));
        Assert.Empty(await FollowUpPatients.RemindersAsync(app, noEmail));
    }

    [Fact]
    public async Task Without_a_public_base_url_nothing_is_enqueued_and_the_reminder_follows_once_it_is_set()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        Guid id;
        await using (var bare = TestApp.Start(database))
        {
            (id, _) = await PatientAsync(bare, daysAgo: 14);
            Assert.Equal(0, await RunOnceAsync(bare));
            Assert.Empty(await FollowUpPatients.RemindersAsync(bare, id));
        }

        await using var configured = TestApp.Start(database, Settings);
        await RunOnceAsync(configured);
        Assert.Single(await FollowUpPatients.RemindersAsync(configured, id));
    }

    [Fact]
    public async Task Two_runs_and_two_nodes_at_the_same_moment_enqueue_each_reminder_once()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var nodeA = TestApp.Start(database, Settings);
        await using var nodeB = TestApp.Start(database, Settings);
        var patients = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            patients.Add((await PatientAsync(nodeA, daysAgo: 14, email: $"p{i}@example.org")).Id);
        }

        var runs = await Task.WhenAll(RunOnceAsync(nodeA), RunOnceAsync(nodeB), RunOnceAsync(nodeA), RunOnceAsync(nodeB));

        Assert.Equal(5, runs.Sum());
        foreach (var id in patients)
        {
            Assert.Single(await FollowUpPatients.RemindersAsync(nodeA, id));
        }
    }

    [Fact]
    public async Task The_background_job_runs_every_check_interval_on_the_app_clock()
    {
        await using var app = await StartAsync();
        var (id, surgery) = await PatientAsync(app, daysAgo: 13);
        Assert.Empty(await FollowUpPatients.RemindersAsync(app, id));

        // The job wakes on the app's clock only: a day on, its timer fires and the check-in is due.
        app.Time.Advance(TimeSpan.FromDays(1));

        var reminders = await PollAsync(() => FollowUpPatients.RemindersAsync(app, id), found => found.Count == 1);
        Assert.Equal(FollowUpPatients.Key(id, surgery.AddDays(14), 1), reminders[0].DeduplicationKey);
    }

    [Fact]
    public async Task The_due_list_shows_who_is_due_or_overdue_with_the_reminders_sent()
    {
        await using var app = await StartAsync();
        var (overdue, overdueSurgery) = await PatientAsync(app, daysAgo: 20, name: "Due List Overdue");
        var (missedTwo, _) = await PatientAsync(app, daysAgo: 42, name: "Due List Missed Two");
        var (notYet, _) = await PatientAsync(app, daysAgo: 10, name: "Due List Not Yet");
        await RunOnceAsync(app);
        var clinician = await app.ClientAsync(Roles.Clinician);

        var due = await (await clinician.GetAsync($"/api/v1/followups/due?asOf={Inputs.Date(Today)}", Cancel)).ReadObjectAsync();

        Assert.Equal(Inputs.Date(Today), due["asOf"]!.GetValue<string>());
        var items = due["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal([missedTwo, overdue], items.Select(i => i["patientId"]!.GetValue<Guid>()));
        Assert.Equal(2, due["total"]!.GetValue<int>());
        // Days 14 and 42 both missed: the earliest is listed (28 days overdue), with the reminder sent about day 42.
        Assert.Equal(14, items[0]["day"]!.GetValue<int>());
        Assert.Equal(28, items[0]["daysOverdue"]!.GetValue<int>());
        Assert.Equal(1, items[0]["remindersSent"]!.GetValue<int>());
        Assert.Equal(14, items[1]["day"]!.GetValue<int>());
        Assert.Equal(Inputs.Date(overdueSurgery.AddDays(14)), items[1]["dueOn"]!.GetValue<string>());
        Assert.True(items[1]["overdue"]!.GetValue<bool>());
        Assert.Equal(6, items[1]["daysOverdue"]!.GetValue<int>());
        Assert.Equal(1, items[1]["remindersSent"]!.GetValue<int>());
        Assert.DoesNotContain(items, i => i["patientId"]!.GetValue<Guid>() == notYet);

        var later = await (await clinician.GetAsync($"/api/v1/followups/due?asOf={Inputs.Date(Today.AddDays(4))}", Cancel)).ReadObjectAsync();
        Assert.Contains(later["items"]!.AsArray(), i => i!["patientId"]!.GetValue<Guid>() == notYet);
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100, Cancel);
        }
    }
}

public sealed class FollowUpRemindersOnSqlite() : FollowUpRemindersTests(TestDatabaseKind.Sqlite);

public sealed class FollowUpRemindersOnPostgres() : FollowUpRemindersTests(TestDatabaseKind.Postgres);
