using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Assessments;
using KneeSpine.Web.Assessments.Results;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.ResultPages;

/// <summary>
/// The result pages in the reader's voice and order: clinicians get clinician wording, patients see who recorded a
/// result and when, an emergency of an earlier day is told as past, and the page reads triage, at most three next
/// steps, contributors (likely first), plan, sources, with nothing internal shown. The clinic here has no phone,
/// name or emergency number; <see cref="ClinicIdentityPageTests"/> covers a configured clinic.
/// </summary>
public abstract partial class ResultPageTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task A_clinician_reads_an_emergency_in_clinician_words_not_the_patients_instruction()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Clinician Voice Patient");
        var id = await RecordAsync(clinician, patient, Emergency(TestApp.Today));

        var html = await clinician.GetStringAsync($"/patients/{patient}/assessments/{id}", Cancel);

        Assert.Equal("Answers of 25 November 2026: " + TriageVoice.ClinicianHeadline(TriageLevel.Emergency), Headline(html));
        Assert.DoesNotContain("Show this page to the emergency team", html, StringComparison.Ordinal);
        Assert.Contains("data-triage=\"emergency\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patient_sees_a_result_recorded_by_the_care_team_as_such_with_its_date()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Care Team Record Patient");
        await RecordAsync(clinician, patient, Inputs.Valid(TestApp.Today));
        var own = await App.ClientAsync(Roles.Patient, patient);

        var html = await own.GetStringAsync("/me", Cancel);

        Assert.StartsWith("Recorded by your care team on 25 November 2026", Headline(html), StringComparison.Ordinal);
        Assert.DoesNotContain("From your answers", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patients_own_answers_are_called_their_answers()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Own Answers Patient");
        var (account, token) = await App.CreateAccountAsync(Roles.Patient, patient);
        var recorded = await App.WithServiceAsync<AssessmentService, RecordOutcome>(s => s.RecordAsync(
            patient, System.Text.Encoding.UTF8.GetBytes(Inputs.Valid(TestApp.Today).ToJsonString()), account.UserName!, Cancel));
        var own = App.Anonymous();
        own.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var html = await own.GetStringAsync($"/me/assessments/{recorded.Assessment!.Id}", Cancel);

        Assert.Equal("Your answers on 25 November 2026: " + KnowledgeBase.Default.Headline(TriageLevel.SelfCare), Headline(html));
    }

    [Fact]
    public async Task An_emergency_of_an_earlier_day_is_told_as_past_with_what_to_do_if_the_signs_remain()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Past Emergency Patient");
        var id = await RecordAsync(clinician, patient, Emergency(TestApp.Today.AddDays(-3)));
        var own = await App.ClientAsync(Roles.Patient, patient);

        foreach (var page in new[] { "/me", $"/me/assessments/{id}" })
        {
            var html = await own.GetStringAsync(page, Cancel);

            var headline = Headline(html);
            Assert.Contains("On 22 November 2026 you reported signs that needed emergency care. If you still have any of these signs, get help now.", headline, StringComparison.Ordinal);
            Assert.DoesNotContain(KnowledgeBase.Default.Headline(TriageLevel.Emergency), headline, StringComparison.Ordinal);
            Assert.Contains("data-past=\"true\"", html, StringComparison.Ordinal);
            Assert.Contains("Call emergency services or go to the emergency department if you still have any of these signs.", Text(html), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Todays_emergency_stays_current_and_first()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Current Emergency Patient");
        var id = await RecordAsync(clinician, patient, Emergency(TestApp.Today));
        var own = await App.ClientAsync(Roles.Patient, patient);

        var html = await own.GetStringAsync($"/me/assessments/{id}", Cancel);

        Assert.EndsWith(KnowledgeBase.Default.Headline(TriageLevel.Emergency), Headline(html), StringComparison.Ordinal);
        Assert.Contains("data-past=\"false\"", html, StringComparison.Ordinal);
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
        Assert.StartsWith("<section class=\"triage-banner triage-emergency\"", main[(main.IndexOf('>') + 1)..].TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Call emergency services or go to the emergency department now.", Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_result_reads_triage_three_next_steps_contributors_likely_first_plan_then_sources()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Result Order Patient");
        // Age 60: "age" is possible; a spinal 14 days ago with back pain since: "spinal-anesthesia" is likely.
        var input = Inputs.Valid(TestApp.Today, daysSinceSurgery: 14);
        input["patient"]!["ageYears"] = 60;
        var id = await RecordAsync(clinician, patient, input);
        var own = await App.ClientAsync(Roles.Patient, patient);

        var html = await own.GetStringAsync($"/me/assessments/{id}", Cancel);

        int At(string marker)
        {
            var at = html.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(at >= 0, marker + " is missing");
            return at;
        }

        var order = new[] { At("id=\"triage\""), At("id=\"next-steps\""), At("id=\"factors\""), At("id=\"plan\""), At("id=\"result-sources\"") };
        Assert.Equal(order.Order(), order);
        var steps = html[At("id=\"next-steps\"")..At("id=\"safety-net\"")];
        Assert.InRange(NextStep().Matches(steps).Count, 1, ResultView.MaxNextSteps);
        // Each next step links into its folded plan item's text (the browser opens a closed <details> it scrolls into).
        foreach (Match step in StepTarget().Matches(steps))
        {
            Assert.Contains($"<div class=\"disclosure-list__body\" id=\"{step.Groups[1].Value}\">", html[At("id=\"plan\"")..], StringComparison.Ordinal);
        }

        Assert.NotEmpty(StepTarget().Matches(steps));
        Assert.True(At("id=\"factor-spinal-anesthesia\"") < At("id=\"factor-age\""), "the likely contributor comes before the possible one");
        Assert.Contains("<details", html[At("id=\"factor-age\"")..At("id=\"plan\"")], StringComparison.Ordinal);
        Assert.Contains("<details class=\"sources-details\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_source_id_or_file_path_is_shown_to_a_patient_or_a_clinician()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Nothing Internal Patient");
        var input = Inputs.Valid(TestApp.Today, daysSinceSurgery: 14);
        input["patient"]!["ageYears"] = 75;
        var id = await RecordAsync(clinician, patient, input);
        var own = await App.ClientAsync(Roles.Patient, patient);

        foreach (var text in new[]
        {
            Text(await own.GetStringAsync($"/me/assessments/{id}", Cancel)),
            Text(await clinician.GetStringAsync($"/patients/{patient}/assessments/{id}", Cancel)),
        })
        {
            Assert.DoesNotContain(".txt", text, StringComparison.Ordinal);
            Assert.DoesNotContain("shared/", text, StringComparison.Ordinal);
            Assert.All(KnowledgeBase.Default.Sources, source => Assert.DoesNotContain(source.Id, text, StringComparison.Ordinal));
            Assert.Matches(@"Sources \(\d+\)", text);
        }
    }

    private static JsonObject Emergency(DateOnly on)
    {
        var input = Inputs.Valid(on);
        input["redFlags"]!["newBladderOrBowelProblem"] = true;
        return input;
    }

    internal static async Task<Guid> RecordAsync(HttpClient clinician, Guid patient, JsonObject input)
    {
        var response = await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(input), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>The h1's text, tags stripped and whitespace collapsed.</summary>
    internal static string Headline(string html) => Text(H1().Match(html).Groups[1].Value);

    /// <summary>What a reader sees: tags and scripts stripped, entities decoded, whitespace collapsed.</summary>
    internal static string Text(string html) =>
        Space().Replace(WebUtility.HtmlDecode(Tag().Replace(Script().Replace(html, " "), " ")), " ").Trim()
            .Replace(" :", ":", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal);

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();

    [GeneratedRegex("<script.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Script();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex("<li><a href=\"#plan-")]
    private static partial Regex NextStep();

    [GeneratedRegex("<li><a href=\"#(plan-[a-z0-9-]+-text)\"")]
    private static partial Regex StepTarget();
}

public sealed class ResultPagesOnSqlite(SqliteApp app) : ResultPageTests(app), IClassFixture<SqliteApp>;

public sealed class ResultPagesOnPostgres(PostgresApp app) : ResultPageTests(app), IClassFixture<PostgresApp>;
