using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Tests.Audit;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.FollowUps;

/// <summary>Patients' email and phone (API and pages, audited) and the next check-in the API and pages show.</summary>
public abstract class PatientContactTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    private static DateOnly Today => TestApp.Today;

    [Fact]
    public async Task A_patient_created_with_email_and_phone_shows_them_trimmed()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);

        var id = await FollowUpPatients.CreateAsync(clinician, "Contact Test", " ann.smith@example.org ", "+44 (0)20 7946-0958");

        var patient = await FollowUpPatients.GetAsync(clinician, id);
        Assert.Equal("ann.smith@example.org", patient["email"]!.GetValue<string>());
        Assert.Equal("+44 (0)20 7946-0958", patient["phone"]!.GetValue<string>());
        Assert.False(patient["remindersOptedOut"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("not-an-email", null, "email")]
    [InlineData("Ann <ann@example.org>", null, "email")]
    [InlineData("ann@localhost", null, "email")]
    [InlineData("ann @example.org", null, "email")]
    [InlineData(null, "call me", "phone")]
    [InlineData(null, "12345", "phone")]
    [InlineData(null, "+1 234 567 890 123 456 7", "phone")]
    public async Task A_bad_email_or_phone_gives_400_naming_the_field_and_stores_nothing(string? email, string? phone, string field)
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var name = $"Bad Contact {Guid.NewGuid():N}";

        var response = await clinician.PostAsJsonAsync("/api/v1/patients", new { name, birthDate = "1950-01-01", sex = "male", email, phone }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.Empty((await (await clinician.GetAsync($"/api/v1/patients?search={name}", Cancel)).ReadObjectAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task Before_any_assessment_there_is_no_next_follow_up()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var id = await FollowUpPatients.CreateAsync(clinician, "No Surgery Yet");

        var patient = await FollowUpPatients.GetAsync(clinician, id);

        Assert.True(patient.ContainsKey("nextFollowUp"));
        Assert.Null(patient["nextFollowUp"]);
    }

    [Fact]
    public async Task The_next_follow_up_is_the_earliest_check_in_not_done()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var id = await FollowUpPatients.CreateAsync(clinician, "Next Follow Up");
        var surgery = Today.AddDays(-12);
        // Day 10 is 4 days before the day-14 check-in: too early to count for it.
        await FollowUpPatients.AssessAsync(clinician, id, surgery, surgery.AddDays(10));

        var next = (await FollowUpPatients.GetAsync(clinician, id))["nextFollowUp"]!.AsObject();

        Assert.Equal(Inputs.Date(surgery.AddDays(14)), next["dueOn"]!.GetValue<string>());
        Assert.False(next["overdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_missed_check_in_is_overdue_and_the_patient_sees_it_on_their_page()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var id = await FollowUpPatients.CreateAsync(clinician, "Overdue Follow Up");
        var surgery = Today.AddDays(-50);
        await FollowUpPatients.AssessAsync(clinician, id, surgery, surgery.AddDays(13));

        var next = (await FollowUpPatients.GetAsync(clinician, id))["nextFollowUp"]!.AsObject();
        Assert.Equal(Inputs.Date(surgery.AddDays(42)), next["dueOn"]!.GetValue<string>());
        Assert.True(next["overdue"]!.GetValue<bool>());

        var clinicPage = await clinician.GetStringAsync($"/patients/{id}", Cancel);
        Assert.Contains("Day 42 check-in overdue", clinicPage, StringComparison.Ordinal);
        var patient = await App.ClientAsync(Roles.Patient, id);
        var own = await patient.GetStringAsync("/me", Cancel);
        Assert.Contains($"Your check-in was due on {surgery.AddDays(42).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. Please answer the questions now.", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinician_changes_the_contact_details_on_the_patient_page_and_the_change_is_audited()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var id = await FollowUpPatients.CreateAsync(clinician, "Contact Page Patient", "old@example.org");
        var page = await clinician.GetStringAsync($"/patients/{id}", Cancel);
        var mark = await AuditTrail.MarkAsync(App);

        var response = await clinician.PostAsync($"/patients/{id}?handler=contact", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "new@example.org",
            ["phone"] = "020 7946 0958",
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(page),
        }), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var patient = await FollowUpPatients.GetAsync(clinician, id);
        Assert.Equal("new@example.org", patient["email"]!.GetValue<string>());
        Assert.Equal("020 7946 0958", patient["phone"]!.GetValue<string>());
        var events = await AuditTrail.SinceAsync(App, mark);
        var change = Assert.Single(events, e => e.Action == AuditAction.PatientContactChange);
        Assert.Equal(id, change.PatientId);
        Assert.Equal(AuditOutcome.Success, change.Outcome);
    }

    [Fact]
    public async Task A_bad_email_on_the_patient_page_is_shown_beside_the_field_and_changes_nothing()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var id = await FollowUpPatients.CreateAsync(clinician, "Contact Page Error", "kept@example.org");
        var page = await clinician.GetStringAsync($"/patients/{id}", Cancel);

        var response = await clinician.PostAsync($"/patients/{id}?handler=contact", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "nope",
            ["phone"] = "",
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(page),
        }), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<a href=\"#email\">Enter an email address like name@example.org", html, StringComparison.Ordinal);
        Assert.Equal("kept@example.org", (await FollowUpPatients.GetAsync(clinician, id))["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_new_patient_page_stores_email_and_phone()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var page = await clinician.GetStringAsync("/patients/new", Cancel);
        var name = $"Page Contact {Guid.NewGuid():N}";

        var response = await clinician.PostAsync("/patients/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["birthDate"] = "1952-02-02",
            ["sex"] = "male",
            ["email"] = "page.contact@example.org",
            ["phone"] = "+1 555 010 9999",
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(page),
        }), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        var patient = await FollowUpPatients.GetAsync(clinician, id);
        Assert.Equal("page.contact@example.org", patient["email"]!.GetValue<string>());
        Assert.Equal("+1 555 010 9999", patient["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_patient_turns_reminder_emails_off_and_on_again_on_their_page_and_each_change_is_audited()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var id = await FollowUpPatients.CreateAsync(clinician, "Opt Out Patient", "optout@example.org");
        var patient = await App.ClientAsync(Roles.Patient, id);
        var mark = await AuditTrail.MarkAsync(App);

        var off = await PostRemindersAsync(patient, remind: false);
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.True((await FollowUpPatients.GetAsync(clinician, id))["remindersOptedOut"]!.GetValue<bool>());
        Assert.Contains("Reminder emails are off.", await patient.GetStringAsync("/me", Cancel), StringComparison.Ordinal);

        var on = await PostRemindersAsync(patient, remind: true);
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.False((await FollowUpPatients.GetAsync(clinician, id))["remindersOptedOut"]!.GetValue<bool>());

        var changes = (await AuditTrail.SinceAsync(App, mark)).Where(e => e.Action == AuditAction.ReminderPreferenceChange).ToList();
        Assert.Equal(["reminders off", "reminders on"], changes.Select(e => e.Detail));
        Assert.All(changes, e => Assert.Equal(id, e.PatientId));
    }

    [Fact]
    public async Task Turning_reminders_off_without_the_antiforgery_token_is_refused()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var id = await FollowUpPatients.CreateAsync(clinician, "Forged Opt Out", "forged@example.org");
        var patient = await App.ClientAsync(Roles.Patient, id);

        var response = await patient.PostAsync("/me?handler=reminders", new FormUrlEncodedContent(new Dictionary<string, string> { ["remind"] = "false" }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await FollowUpPatients.GetAsync(clinician, id))["remindersOptedOut"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_due_list_refuses_a_bad_date_naming_as_of_and_patients()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var id = await FollowUpPatients.CreateAsync(clinician, "Due List Refusal");
        var patient = await App.ClientAsync(Roles.Patient, id);

        var bad = await clinician.GetAsync("/api/v1/followups/due?asOf=25-11-2026", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["asOf"], (await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));

        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/api/v1/followups/due", Cancel)).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostRemindersAsync(HttpClient patient, bool remind)
    {
        var page = await patient.GetStringAsync("/me", Cancel);
        return await patient.PostAsync("/me?handler=reminders", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["remind"] = remind ? "true" : "false",
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(page),
        }), Cancel);
    }
}

public sealed class PatientContactOnSqlite(SqliteApp app) : PatientContactTests(app), IClassFixture<SqliteApp>;

public sealed class PatientContactOnPostgres(PostgresApp app) : PatientContactTests(app), IClassFixture<PostgresApp>;
