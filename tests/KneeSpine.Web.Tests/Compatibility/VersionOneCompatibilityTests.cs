// Firely's POCOs declare every element nullable; tests navigate them freely, and a null there fails the test anyway.
#nullable disable warnings
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Fhir.Serialization;
using KneeSpine.Fhir.Tests.Support;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Fhir.Bulk;
using KneeSpine.Web.Tests.Fhir;
using KneeSpine.Web.Tests.Handouts;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.Compatibility;

/// <summary>
/// Records stored under version 1 (clinical-rules.md, "Versions and compatibility"): shown with their version, never
/// re-evaluated; questions version 1 did not ask are "not asked"; an edit is a version 2 evaluation; version 1 input
/// is refused naming schemaVersion. Each test works on rows exactly as the version 1 code wrote them.
/// </summary>
public abstract partial class VersionOneCompatibilityTests(AppFixture fixture, FhirValidatorFixture validator)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task The_api_returns_a_version_1_record_with_its_stored_result_and_versions_exactly()
    {
        var (patient, selfCare, emergency) = await VersionOneRecords.InsertAsync(App);
        var clinician = await App.ClientAsync(Roles.Clinician);

        var stored = await (await clinician.GetAsync($"/api/v1/patients/{patient}/assessments/{emergency}", Cancel)).ReadObjectAsync();
        var list = await (await clinician.GetAsync($"/api/v1/patients/{patient}/assessments", Cancel)).ReadArrayAsync();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(VersionOneRecords.Captured.Emergency["ResultJson"]!.GetValue<string>()), stored["result"]), stored["result"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(VersionOneRecords.Captured.Emergency["InputJson"]!.GetValue<string>()), stored["input"]));
        Assert.Equal("2026.11", stored["knowledgeBaseVersion"]!.GetValue<string>());
        Assert.Equal("emergency", stored["triage"]!.GetValue<string>());
        Assert.Equal(1, stored["result"]!["schemaVersion"]!.GetValue<int>());
        Assert.Equal([selfCare, emergency], list.Select(a => a!["id"]!.GetValue<Guid>()));
        Assert.All(list, a => Assert.Equal("2026.11", a!["result"]!["knowledgeBaseVersion"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_clinician_page_labels_the_rules_version_and_shows_questions_version_1_did_not_ask_as_not_asked()
    {
        var (patient, _, emergency) = await VersionOneRecords.InsertAsync(App);
        var clinician = await App.ClientAsync(Roles.Clinician);

        var html = await clinician.GetStringAsync($"/patients/{patient}/assessments/{emergency}", Cancel);

        Assert.Contains("Assessed with rules version 2026.11", html, StringComparison.Ordinal);
        // A clinician reads the clinician's headline (ADR-105); the stored version 1 texts are shown as stored.
        Assert.Contains("Emergency: advise the patient to call emergency services or attend the emergency department now", html, StringComparison.Ordinal);
        Assert.Contains("This is called cauda equina syndrome.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(KnowledgeBase.Default.Headline(TriageLevel.Emergency), html, StringComparison.Ordinal);
        foreach (var path in Inputs.RedFlagsNewInVersion2.Append("medications.antiplatelet").Append("psychosocial.littleInterestOrPleasure").Append("backFunction.walking15Minutes"))
        {
            Assert.Matches($"data-field=\"{Regex.Escape(path)}\">Not asked", html);
        }

        Assert.Matches("data-field=\"redFlags\\.numbnessInSaddleArea\">Yes", html);
        Assert.Matches("data-field=\"redFlags\\.feverOrChills\">No", html);
        Assert.Contains("Not asked: these questions were added after this check was done.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_patient_page_charts_pain_across_versions_and_tags_version_1_assessments()
    {
        var (patient, _, _) = await VersionOneRecords.InsertAsync(App);
        var clinician = await App.ClientAsync(Roles.Clinician);
        var later = Inputs.Valid(new DateOnly(2026, 11, 24), daysSinceSurgery: 8, backPain: 2);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(later), Cancel)).StatusCode);

        var html = await clinician.GetStringAsync($"/patients/{patient}", Cancel);

        var table = PainTable().Match(html);
        Assert.True(table.Success, "no pain table");
        var backPain = PainRow().Matches(table.Value).Select(m => int.Parse(m.Groups["back"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([3, 7, 2], backPain);
        Assert.Equal(2, Regex.Count(html, "assessed with rules version 2026\\.11"));
    }

    [Fact]
    public async Task Fhir_exports_a_version_1_record_as_answers_to_version_1_with_its_stored_result_valid_R4()
    {
        var (patient, _, emergency) = await VersionOneRecords.InsertAsync(App);
        var clinician = await App.ClientAsync(Roles.Clinician);

        var response = await (await clinician.SendAsync(FhirHttp.Get($"/fhir/QuestionnaireResponse/{emergency}"), Cancel)).ReadAsync<QuestionnaireResponse>();
        var everything = await (await clinician.SendAsync(FhirHttp.Get($"/fhir/Patient/{patient}/$everything"), Cancel)).ReadAsync<Bundle>();

        Assert.EndsWith("|1", response.Questionnaire, StringComparison.Ordinal);
        var answered = response.Item.SelectMany(g => g.Item).ToDictionary(i => i.LinkId);
        Assert.All(Inputs.RedFlagsNewInVersion2, path => Assert.DoesNotContain(path, answered.Keys));
        Assert.True(((FhirBoolean)answered["redFlags.numbnessInSaddleArea"].Answer[0].Value).Value);
        Assert.All(answered.Values, item => Assert.Null(item.Text));
        var risk = everything.Entry.Select(e => e.Resource).OfType<RiskAssessment>()
            .Single(r => r.Basis.Any(b => b.Reference.StartsWith($"QuestionnaireResponse/{emergency}", StringComparison.Ordinal)));
        Assert.Equal("KneeSpine knowledge base 2026.11", risk.Method.Text);
        Assert.Equal(VersionOneRecords.EmergencyHeadline, risk.Prediction[0].Rationale);
        Assert.Equal("emergency", risk.Prediction[0].QualitativeRisk.Coding[0].Code);
        validator.AssertValid(everything);
    }

    [Fact]
    public async Task The_handout_of_a_version_1_record_is_labelled_and_keeps_its_result()
    {
        var (patient, _, emergency) = await VersionOneRecords.InsertAsync(App);
        var clinician = await App.ClientAsync(Roles.Clinician);

        var pdf = await clinician.GetByteArrayAsync($"/patients/{patient}/assessments/{emergency}/handout", Cancel);

        var text = string.Join(' ', PdfText.Pages(pdf)).Replace("  ", " ", StringComparison.Ordinal);
        Assert.Contains("Assessed with rules version 2026.11", text, StringComparison.Ordinal);
        Assert.Contains(VersionOneRecords.EmergencyHeadline, text, StringComparison.Ordinal);
        Assert.Contains(KnowledgeBase.Default.Handout!.Emergency.Heading, text, StringComparison.Ordinal);
        Assert.Contains(KnowledgeBase.Default.Handout!.Urgent.Heading, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_version_1_record_asks_the_new_red_flags_and_stores_a_version_2_result_leaving_the_old_row_as_it_was()
    {
        var (patient, _, emergency) = await VersionOneRecords.InsertAsync(App);
        var clinician = await App.ClientAsync(Roles.Clinician);

        var form = await clinician.GetStringAsync($"/patients/{patient}/assessments/{emergency}/edit", Cancel);
        Assert.Contains("was assessed with rules version 2026.11", form, StringComparison.Ordinal);
        Assert.All(Inputs.RedFlagsNewInVersion2, path => Assert.DoesNotMatch($"name=\"{Regex.Escape(path)}\"[^>]*checked", form));
        Assert.Matches("name=\"redFlags\\.numbnessInSaddleArea\" value=\"true\" checked", form);

        var edit = Inputs.Valid(new DateOnly(2026, 11, 20), daysSinceSurgery: 4, backPain: 7);
        edit["redFlags"]!["numbnessInSaddleArea"] = true;
        var revised = await clinician.PutAsync($"/api/v1/patients/{patient}/assessments/{emergency}", Inputs.Json(edit), Cancel);

        Assert.True(revised.IsSuccessStatusCode, await revised.Content.ReadAsStringAsync(Cancel));
        var stored = await revised.ReadObjectAsync();
        Assert.Equal(2, stored["version"]!.GetValue<int>());
        Assert.Equal(AssessmentResult.CurrentSchemaVersion, stored["result"]!["schemaVersion"]!.GetValue<int>());
        Assert.Equal(KnowledgeBase.Default.Version, stored["knowledgeBaseVersion"]!.GetValue<string>());
        Assert.NotNull(stored["result"]!["scores"]);
        var old = await App.WithServiceAsync<KneeSpineDbContext, Store.Assessments.Assessment>(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == emergency, Cancel));
        Assert.Equal(VersionOneRecords.Captured.Emergency["ResultJson"]!.GetValue<string>(), old.ResultJson);
        Assert.Equal(VersionOneRecords.Captured.Emergency["InputJson"]!.GetValue<string>(), old.InputJson);
        Assert.Equal("2026.11", old.KnowledgeBaseVersion);
    }

    [Fact]
    public async Task A_version_1_input_is_refused_with_400_naming_schemaVersion_and_stores_nothing()
    {
        var (patient, _, emergency) = await VersionOneRecords.InsertAsync(App);
        var clinician = await App.ClientAsync(Roles.Clinician);
        var v1 = VersionOneRecords.Captured.Emergency["InputJson"]!.GetValue<string>();

        var evaluate = await App.Anonymous().PostAsync("/api/v1/evaluate", Inputs.Json(v1), Cancel);
        var post = await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(v1), Cancel);
        var put = await clinician.PutAsync($"/api/v1/patients/{patient}/assessments/{emergency}", Inputs.Json(v1), Cancel);

        foreach (var response in new[] { evaluate, post, put })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
            Assert.Contains("schemaVersion", errors.Select(e => e.Key));
        }

        Assert.Equal(2, await App.WithServiceAsync<KneeSpineDbContext, int>(db => db.Assessments.CountAsync(a => a.PatientId == patient, Cancel)));
    }

    [Fact]
    public async Task A_version_1_questionnaire_response_is_refused_on_fhir_with_an_operation_outcome_naming_schemaVersion()
    {
        var (patient, _, _) = await VersionOneRecords.InsertAsync(App);
        var clinician = await App.ClientAsync(Roles.Clinician);
        var v1Response = FhirJson.Parse<QuestionnaireResponse>(File.ReadLines(VersionOneRecords.ExportNdjsonPath).First(l => l.Contains("\"QuestionnaireResponse\"", StringComparison.Ordinal)));
        v1Response.Subject = new ResourceReference($"Patient/{patient}");

        var assess = await App.Anonymous().PostAsync("/fhir/QuestionnaireResponse/$assess", FhirHttp.Content(v1Response), Cancel);
        var store = await clinician.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(v1Response), Cancel);

        foreach (var response in new[] { assess, store })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var outcome = await response.OutcomeAsync();
            var issue = outcome.Issue.Single(i => i.Expression.Contains("QuestionnaireResponse.questionnaire"));
            Assert.Contains("schemaVersion", issue.Details.Text, StringComparison.Ordinal);
        }

        Assert.Equal(2, await App.WithServiceAsync<KneeSpineDbContext, int>(db => db.Assessments.CountAsync(a => a.PatientId == patient, Cancel)));
    }

    [Fact]
    public async Task Importing_version_1_responses_refuses_each_line_naming_schemaVersion_and_stores_no_assessment()
    {
        using var reader = new StreamReader(VersionOneRecords.ExportNdjsonPath);

        var report = await App.WithServiceAsync<FhirBulkImport, ImportReport>(import => import.ImportAsync(reader, "import-test", cancellationToken: Cancel));

        Assert.Equal(1, report.Imported + report.AlreadyPresent);
        Assert.Equal([2, 3], report.Errors.Select(e => e.Line));
        Assert.All(report.Errors, e => Assert.Contains("schemaVersion 1", e.Message, StringComparison.Ordinal));
        var patient = FhirBulkImport.StoreId("Patient", "01a25121-63df-7abf-bae3-30250c462016");
        Assert.Equal(0, await App.WithServiceAsync<KneeSpineDbContext, int>(db => db.Assessments.CountAsync(a => a.PatientId == patient, Cancel)));
    }

    [GeneratedRegex("<figure class=\"pain-trend\".*?<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex PainTable();

    [GeneratedRegex("<tr><th scope=\"row\">[^<]*</th><td>\\d+</td><td>(?<back>\\d+)</td>")]
    private static partial Regex PainRow();
}

public sealed class VersionOneOnSqlite(SqliteApp app, FhirValidatorFixture validator) : VersionOneCompatibilityTests(app, validator), IClassFixture<SqliteApp>;

public sealed class VersionOneOnPostgres(PostgresApp app, FhirValidatorFixture validator) : VersionOneCompatibilityTests(app, validator), IClassFixture<PostgresApp>;
