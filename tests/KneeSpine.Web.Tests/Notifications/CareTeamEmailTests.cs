using System.Net;
using System.Net.Http.Json;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Notifications;

/// <summary>The care team's email, received by a real SMTP server: what it says, and what it must never say.</summary>
public abstract class CareTeamEmailTests(NotifyingAppFixture fixture)
{
    private TestApp App => fixture.App;

    private SmtpTestServer Smtp => fixture.Smtp;

    [Fact]
    public async Task An_emergency_result_emails_each_care_team_address_the_level_the_time_and_a_link_to_the_item()
    {
        var (clinician, patient) = await Notified.PatientAsync(App, "Emergency Email Patient");
        var assessment = await Notified.StoreAsync(clinician, patient, Notified.Emergency());
        var item = await Notified.ItemOfAsync(App, assessment);
        var before = Smtp.Messages.Count;

        await Notified.SendAsync(App);

        var received = (await Smtp.WaitForMessagesAsync(before + 2)).Where(m => (m.TextBody ?? "").Contains(item.Id.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [NotifyingAppFixture.Nurse, NotifyingAppFixture.Surgeon],
            received.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.All(received, email =>
        {
            Assert.Equal(SmtpTestServer.From, email.From.Mailboxes.Single().Address);
            Assert.StartsWith("EMERGENCY", email.Subject, StringComparison.Ordinal);
            Assert.Contains("Level: emergency", email.TextBody, StringComparison.Ordinal);
            Assert.Contains($"Result recorded: {App.Time.GetUtcNow():yyyy-MM-dd HH:mm} UTC", email.TextBody, StringComparison.Ordinal);
            Assert.Contains($"{Notified.PublicBaseUrl}/worklist#item-{item.Id}", email.TextBody, StringComparison.Ordinal);
            Assert.Contains("call an ambulance or go to the emergency department", email.TextBody, StringComparison.Ordinal);
            Assert.Null(email.HtmlBody);
        });
        var rows = (await Notified.OutboxAsync(App)).Where(m => m.WorklistItemId == item.Id).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(App.Time.GetUtcNow(), row.SentAt);
            Assert.Equal(1, row.Attempts);
            Assert.Null(row.LastError);
            Assert.Null(row.LeasedBy);
        });
    }

    [Fact]
    public async Task An_urgent_result_says_by_when_to_act_and_is_not_marked_as_an_emergency()
    {
        var (clinician, patient) = await Notified.PatientAsync(App, "Urgent Email Patient");
        var item = await Notified.ItemOfAsync(App, await Notified.StoreAsync(clinician, patient, Notified.Urgent()));
        var before = Smtp.Messages.Count;

        await Notified.SendAsync(App);

        var email = (await Smtp.WaitForMessagesAsync(before + 2)).First(m => (m.TextBody ?? "").Contains(item.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal($"URGENT: KneeSpine result to act on by {item.DueBy:yyyy-MM-dd HH:mm} UTC", email.Subject);
        Assert.Contains("Level: urgent", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("emergency", email.Subject + email.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Neither_the_stored_nor_the_received_email_holds_the_patients_name_alerts_or_the_acknowledgement_note()
    {
        const string name = "Philippa Quarrington-Vasquez";
        const string note = "Spoke to her daughter on 0700 900 123, she is on her way to A&E";
        var (clinician, patient) = await Notified.PatientAsync(App, name);
        var item = await Notified.ItemOfAsync(App, await Notified.StoreAsync(clinician, patient, Notified.Emergency()));
        var acknowledged = await clinician.PostAsJsonAsync($"/api/v1/worklist/{item.Id}/acknowledge", new { action = "called-patient", note }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var before = Smtp.Messages.Count;

        await Notified.SendAsync(App);
        await Smtp.WaitForMessagesAsync(before + 2);

        var alerts = item.AlertIds.Split(' ');
        Assert.NotEmpty(alerts);
        var titles = KnowledgeBase.Default.Alerts.Where(a => alerts.Contains(a.Id)).Select(a => a.Title).ToList();
        Assert.NotEmpty(titles);
        var stored = (await Notified.OutboxAsync(App)).Where(m => m.PatientId == patient).Select(m => m.Subject + "\n" + m.Body).ToList();
        var received = Smtp.RawMessages.Where(m => m.Contains(item.Id.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stored.Count);
        Assert.Equal(2, received.Count);
        foreach (var text in stored.Concat(received))
        {
            Assert.DoesNotContain("Quarrington", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Philippa", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("0700 900 123", text, StringComparison.Ordinal);
            Assert.DoesNotContain("daughter", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(patient.ToString(), text, StringComparison.OrdinalIgnoreCase);
            Assert.All(alerts, alert => Assert.DoesNotContain(alert, text, StringComparison.OrdinalIgnoreCase));
            Assert.All(titles, title => Assert.DoesNotContain(title, text, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task The_emergency_result_page_still_tells_the_patient_to_call_emergency_services_when_the_team_is_emailed()
    {
        var (clinician, patient) = await Notified.PatientAsync(App, "Emergency Page Patient");
        var assessment = await Notified.StoreAsync(clinician, patient, Notified.Emergency());
        Assert.Contains(await Notified.OutboxAsync(App), m => m.PatientId == patient);
        var email = $"emergency-page-{Guid.NewGuid():N}@example.org";
        await App.CreateAccountAsync(KneeSpine.Store.Accounts.Roles.Patient, patient, email);
        var browser = await App.SignInWithCookieAsync(email);

        // The patient's own page of this result.
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/me/assessments/{assessment}", TestContext.Current.CancellationToken));

        Assert.Contains(KnowledgeBase.Default.Headline(TriageLevel.Emergency), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calm_result_tells_nobody()
    {
        var (clinician, patient) = await Notified.PatientAsync(App, "Calm Email Patient");

        await Notified.StoreAsync(clinician, patient, Inputs.Valid(TestApp.Today, daysSinceSurgery: 30, backPain: 1));

        Assert.DoesNotContain(await Notified.OutboxAsync(App), m => m.PatientId == patient);
    }
}

public sealed class CareTeamEmailOnSqlite(NotifyingSqliteApp app) : CareTeamEmailTests(app), IClassFixture<NotifyingSqliteApp>;

public sealed class CareTeamEmailOnPostgres(NotifyingPostgresApp app) : CareTeamEmailTests(app), IClassFixture<NotifyingPostgresApp>;
