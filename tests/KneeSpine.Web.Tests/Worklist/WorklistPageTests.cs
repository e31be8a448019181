using System.Net;
using System.Text.RegularExpressions;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Tests.Audit;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Worklist;

/// <summary>The <c>/worklist</c> page and the navigation count, signed in through the login form, on both databases.</summary>
public abstract partial class WorklistPageTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task An_overdue_item_shows_patient_level_alerts_and_overdue_in_words_under_its_anchor()
    {
        var (browser, api) = await ClinicianAsync();
        var name = "Page Item " + Guid.NewGuid().ToString("N")[..6];
        var patient = await PatientsApiTests.CreatePatientAsync(api, name);
        var item = await Levels.ItemOfAsync(App, (await Levels.StoreAsync(api, patient, Levels.Urgent(TestApp.Today)))["id"]!.GetValue<Guid>());
        App.Time.Advance(TimeSpan.FromHours(5));

        var html = await browser.GetStringAsync("/worklist", Cancel);

        var card = Card(html, item);
        Assert.Contains($"href=\"/patients/{patient}\"", card, StringComparison.Ordinal);
        Assert.Contains(name, card, StringComparison.Ordinal);
        Assert.Contains("Urgent: today", card, StringComparison.Ordinal);
        Assert.Contains(Engine.Knowledge.KnowledgeBase.Default.Alerts["possible-spinal-infection"].Title, card, StringComparison.Ordinal);
        Assert.Contains("Overdue by 1 h", card, StringComparison.Ordinal);
        Assert.Contains("Open for", card, StringComparison.Ordinal);
        Assert.Contains("5 h", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_acknowledge_form_closes_the_item_and_the_navigation_count_drops()
    {
        var (browser, api) = await ClinicianAsync();
        var patient = await PatientsApiTests.CreatePatientAsync(api, "Page Acknowledge Patient");
        var item = await Levels.ItemOfAsync(App, (await Levels.StoreAsync(api, patient, Levels.Emergency(TestApp.Today)))["id"]!.GetValue<Guid>());
        var before = await browser.GetStringAsync("/worklist", Cancel);
        var countBefore = NavCount(before);
        var mark = await AuditTrail.MarkAsync(App);

        var response = await browser.PostAsync("/worklist", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.ItemId"] = item.ToString(),
            ["Input.Action"] = "advised-emergency-department",
            ["Input.Note"] = "Ambulance called by the patient's daughter.",
            // The item's own form must carry the token (not only the sign-out form elsewhere on the page).
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(Card(before, item)),
        }), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var audit = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal(AuditAction.WorklistAcknowledge, audit.Action);
        Assert.Equal(patient, audit.PatientId);
        var after = await browser.GetStringAsync(response.Headers.Location!.OriginalString, Cancel);
        Assert.Contains("Acknowledged: Page Acknowledge Patient, Advised the emergency department.", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"item-{item}\"", after, StringComparison.Ordinal);
        Assert.Equal(countBefore - 1, NavCount(after));
        var done = await browser.GetStringAsync("/worklist?status=acknowledged", Cancel);
        Assert.Contains("Ambulance called by the patient&#x27;s daughter.", Card(done, item), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_an_action_says_so_and_a_second_acknowledgement_names_who_was_first()
    {
        var (browser, api) = await ClinicianAsync();
        var patient = await PatientsApiTests.CreatePatientAsync(api, "Page Conflict Patient");
        var item = await Levels.ItemOfAsync(App, (await Levels.StoreAsync(api, patient, Levels.Soon(TestApp.Today)))["id"]!.GetValue<Guid>());
        var page = await browser.GetStringAsync("/worklist", Cancel);
        FormUrlEncodedContent Form(string action) => new(new Dictionary<string, string>
        {
            ["Input.ItemId"] = item.ToString(),
            ["Input.Action"] = action,
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(page),
        });

        var missing = await browser.PostAsync("/worklist", Form(""), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains($"href=\"#action-{item}\"", await missing.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var (other, otherEmail) = await SignInAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostAsync("/worklist", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.ItemId"] = item.ToString(),
            ["Input.Action"] = "appointment-booked",
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(await other.GetStringAsync("/worklist", Cancel)),
        }), Cancel)).StatusCode);
        var second = await browser.PostAsync("/worklist", Form("reviewed-no-action"), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains($"{otherEmail} already acknowledged this item", await second.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_patient_list_page_shows_the_open_emergency_beside_a_calmer_latest_result()
    {
        var (browser, api) = await ClinicianAsync();
        var name = "Page List " + Guid.NewGuid().ToString("N")[..6];
        var patient = await PatientsApiTests.CreatePatientAsync(api, name);
        await Levels.StoreAsync(api, patient, Levels.Emergency(TestApp.Today));
        App.Time.Advance(TimeSpan.FromMinutes(1));
        await Levels.StoreAsync(api, patient, Levels.Calm(TestApp.Today));

        var html = await browser.GetStringAsync($"/patients?search={Uri.EscapeDataString(name)}", Cancel);

        var row = Regex.Match(html, $"<tr>\\s*<th scope=\"row\"><a href=\"/patients/{patient}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("Emergency: act now", row, StringComparison.Ordinal);
        Assert.Contains("No warning signs", row, StringComparison.Ordinal);
        Assert.Contains("1 open", row, StringComparison.Ordinal);
        Assert.Contains("Patients 1 to 1 of 1", html, StringComparison.Ordinal);
        var second = await browser.GetStringAsync("/patients?p=2", Cancel);
        Assert.DoesNotContain("error-summary", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patient_is_refused_the_worklist_page_and_sees_no_count()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Page Refused Patient");
        var email = $"patient-{Guid.NewGuid():N}@example.org";
        await App.CreateAccountAsync(Roles.Patient, patient, email);
        var browser = await App.SignInWithCookieAsync(email);

        var worklist = await browser.GetAsync("/worklist", Cancel);
        var own = await browser.GetStringAsync("/me", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, worklist.StatusCode);
        Assert.Contains("/account/access-denied", worklist.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("nav-count", own, StringComparison.Ordinal);
        Assert.DoesNotContain("/worklist", own, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Browser, HttpClient Api)> ClinicianAsync() =>
        ((await SignInAsync(Roles.Clinician)).Browser, await App.ClientAsync(Roles.Clinician));

    private async Task<(HttpClient Browser, string Email)> SignInAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.org";
        await App.CreateAccountAsync(role, email: email);
        return (await App.SignInWithCookieAsync(email), email);
    }

    private static string Card(string html, Guid item)
    {
        var match = Regex.Match(html, $"<article[^>]*id=\"item-{item}\".*?</article>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no card #item-{item} on the page");
        return match.Value;
    }

    private static int NavCount(string html) => int.Parse(NavCountPattern().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<span class=\"nav-count\">(\\d+)</span>")]
    private static partial Regex NavCountPattern();
}

public sealed class WorklistPageOnSqlite(SqliteApp app) : WorklistPageTests(app), IClassFixture<SqliteApp>;

public sealed class WorklistPageOnPostgres(PostgresApp app) : WorklistPageTests(app), IClassFixture<PostgresApp>;
