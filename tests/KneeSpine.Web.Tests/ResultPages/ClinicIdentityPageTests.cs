using System.Net;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.ResultPages;

/// <summary>
/// A clinic with its name, phone, emergency number and time zone set: they reach the header, the footer and the
/// result page as tel: links, and "today" and every time shown follow the clinic's clock. The zone is UTC+14
/// (Kiritimati), where the tests' fixed "now" (25 November, 10:00 UTC) is already 26 November, 00:00.
/// </summary>
public abstract class ClinicIdentityPageTests(AppFixture fixture)
{
    public static readonly IReadOnlyDictionary<string, string?> Clinic = new Dictionary<string, string?>
    {
        ["KneeSpine:Clinic:Name"] = "Riverside Orthopaedics",
        ["KneeSpine:Clinic:Phone"] = "+44 20 7946 0000",
        ["KneeSpine:Clinic:EmergencyNumber"] = "999",
        ["KneeSpine:Clinic:TimeZone"] = "Pacific/Kiritimati",
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task The_header_names_the_clinic_with_its_phone_and_the_footer_dials_the_emergency_number()
    {
        var html = WebUtility.HtmlDecode(await App.Anonymous().GetStringAsync("/", Cancel));

        Assert.Contains("<span class=\"site-clinic__name\">Riverside Orthopaedics</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:+442079460000\"", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"tel\" href=\"tel:999\">999</a>", html[html.IndexOf("<footer", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("<title>Back pain after knee replacement – Riverside Orthopaedics – KneeSpine</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_emergency_result_gives_the_number_to_call_as_a_link_and_an_urgent_one_the_clinic_phone()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Configured Clinic Patient");
        var emergency = Inputs.Valid(TestApp.Today.AddDays(1));
        emergency["redFlags"]!["newBladderOrBowelProblem"] = true;
        var emergencyId = await ResultPageTests.RecordAsync(clinician, patient, emergency);
        var urgent = Inputs.Valid(TestApp.Today.AddDays(1));
        urgent["redFlags"]!["feverOrChills"] = true;
        var urgentId = await ResultPageTests.RecordAsync(clinician, patient, urgent);
        var own = await App.ClientAsync(Roles.Patient, patient);

        var emergencyHtml = WebUtility.HtmlDecode(await own.GetStringAsync($"/me/assessments/{emergencyId}", Cancel));
        var banner = emergencyHtml[emergencyHtml.IndexOf("id=\"triage\"", StringComparison.Ordinal)..emergencyHtml.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Call <a class=\"tel\" href=\"tel:999\">999</a>", banner, StringComparison.Ordinal);
        Assert.Contains("data-past=\"false\"", banner, StringComparison.Ordinal);

        // Razor writes "+" as "&#x2B;"; a browser reads both the same.
        var urgentHtml = WebUtility.HtmlDecode(await own.GetStringAsync($"/me/assessments/{urgentId}", Cancel));
        Assert.Contains("data-triage=\"urgent\"", urgentHtml, StringComparison.Ordinal);
        Assert.Contains("To talk to Riverside Orthopaedics, call us on <a class=\"tel\" href=\"tel:+442079460000\">+44 20 7946 0000</a>.", urgentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Today_is_the_clinics_day_so_answers_of_the_utc_date_are_already_yesterday_there()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Clinic Calendar Patient");
        var emergency = Inputs.Valid(TestApp.Today);
        emergency["redFlags"]!["newBladderOrBowelProblem"] = true;
        var id = await ResultPageTests.RecordAsync(clinician, patient, emergency);
        var own = await App.ClientAsync(Roles.Patient, patient);

        var html = await own.GetStringAsync($"/me/assessments/{id}", Cancel);

        Assert.Contains("data-past=\"true\"", html, StringComparison.Ordinal);
        Assert.StartsWith("Recorded by your care team on 25 November 2026: On 25 November 2026 you reported", ResultPageTests.Headline(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worklist_times_are_the_clinics_wall_clock()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Clinic Clock Patient");
        var urgent = Inputs.Valid(TestApp.Today.AddDays(1));
        urgent["redFlags"]!["feverOrChills"] = true;
        await ResultPageTests.RecordAsync(clinician, patient, urgent);

        var html = await clinician.GetStringAsync("/worklist", Cancel);

        Assert.Contains(">26 Nov 2026, 00:00</time>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }
}

public sealed class ConfiguredClinicOnSqlite() : AppFixture(TestDatabaseKind.Sqlite, ClinicIdentityPageTests.Clinic);

public sealed class ConfiguredClinicOnPostgres() : AppFixture(TestDatabaseKind.Postgres, ClinicIdentityPageTests.Clinic);

public sealed class ClinicIdentityPagesOnSqlite(ConfiguredClinicOnSqlite app) : ClinicIdentityPageTests(app), IClassFixture<ConfiguredClinicOnSqlite>;

public sealed class ClinicIdentityPagesOnPostgres(ConfiguredClinicOnPostgres app) : ClinicIdentityPageTests(app), IClassFixture<ConfiguredClinicOnPostgres>;
