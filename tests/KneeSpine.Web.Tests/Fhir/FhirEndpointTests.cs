// Firely's POCOs declare every element nullable; tests navigate them freely, and a null there fails the test anyway.
#nullable disable warnings
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using KneeSpine.Fhir.Tests.Support;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Fhir;

/// <summary>The open part of /fhir: metadata, the Questionnaire, $assess, errors and content negotiation.</summary>
public abstract class FhirEndpointTests(AppFixture fixture, FhirValidatorFixture validator)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Metadata_is_a_valid_R4_CapabilityStatement_listing_only_what_is_served()
    {
        var response = await App.Anonymous().SendAsync(FhirHttp.Get("/fhir/metadata"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FhirHttp.FhirJsonType, response.Content.Headers.ContentType?.MediaType);
        var capabilities = await response.ReadAsync<CapabilityStatement>();
        validator.AssertValid(capabilities);
        Assert.Equal(FHIRVersion.N4_0_1, capabilities.FhirVersion);
        var rest = Assert.Single(capabilities.Rest);
        string[] served = ["AuditEvent", "Group", "OperationDefinition", "Patient", "Procedure", "Questionnaire", "QuestionnaireResponse", "Task", .. KneeSpine.Web.Fhir.FhirDerivedEndpoints.AssessmentTypes];
        Assert.Equal(served.Order(StringComparer.Ordinal), rest.Resource.Select(r => r.Type).Order(StringComparer.Ordinal));
        Assert.Equal(["assess", "everything", "export", "export"], rest.Resource.SelectMany(r => r.Operation).Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Bearer", rest.Security.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(rest.Resource, r => r.Interaction.Any(i => i.Code is CapabilityStatement.TypeRestfulInteraction.Delete or CapabilityStatement.TypeRestfulInteraction.Update));
    }

    [Fact]
    public async Task Questionnaire_is_served_valid_with_its_canonical_url()
    {
        var response = await App.Anonymous().SendAsync(FhirHttp.Get("/fhir/Questionnaire/kneespine-assessment"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var questionnaire = await response.ReadAsync<Questionnaire>();
        validator.AssertValid(questionnaire);
        Assert.Equal("https://kneespine.org/fhir/Questionnaire/kneespine-assessment", questionnaire.Url);
        // What the library builds (and the Fhir tests hold to linkIds, types, codes, required flags and the golden file) is what is served.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(KneeSpine.Fhir.Serialization.FhirJson.Serialize(KneeSpine.Fhir.Questionnaires.AssessmentQuestionnaire.Build())),
            JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))));
    }

    [Theory]
    [MemberData(nameof(FhirHttp.ExampleNames), MemberType = typeof(FhirHttp))]
    public async Task Assess_over_HTTP_gives_the_spec_s_triage_alerts_factors_and_plan_as_the_CLI_does(string example)
    {
        // The CLI's spec-example test holds `kneespine assess --json` to the same expected file.
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(RepositorySpec.ExpectedOf(example), Cancel))!;
        var input = FhirHttp.ExampleInput(example);

        var response = await App.Anonymous().PostAsync("/fhir/QuestionnaireResponse/$assess", FhirHttp.Content(FhirHttp.ExampleResponse(example)), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await response.ReadAsync<Bundle>();
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var resources = bundle.Entry.Select(e => e.Resource).ToList();
        var risk = Assert.Single(resources.OfType<RiskAssessment>());
        Assert.Equal(expected["triage"]!.GetValue<string>(), Assert.Single(risk.Prediction).QualitativeRisk.Coding.Single().Code);
        Assert.Equal(Codes(expected["alerts"]), resources.OfType<Flag>().Select(f => f.Code.Coding.Single().Code));
        Assert.Equal(Codes(expected["plan"]), Assert.Single(resources.OfType<CarePlan>()).Activity.Select(a => a.Detail.Code.Coding.Single().Code));
        var factors = resources.OfType<Observation>().Where(o => o.Value is CodeableConcept).ToList();
        Assert.Equal(expected["factors"]!.AsArray().Select(f => (f!["id"]!.GetValue<string>(), f["certainty"]!.GetValue<string>())),
            factors.Select(o => (((CodeableConcept)o.Value).Coding.Single().Code, ((CodeableConcept)o.Component.Single().Value).Coding.Single().Code)));
        var responseEntry = bundle.Entry.Single(e => e.Resource is QuestionnaireResponse);
        Assert.Contains(risk.Basis, b => b.Reference == responseEntry.FullUrl);

        var quantities = resources.OfType<Observation>().Where(o => o.Value is Quantity).ToList();
        Assert.All(quantities, o => Assert.Equal(responseEntry.FullUrl, Assert.Single(o.DerivedFrom).Reference));
        var scores = quantities.Where(o => o.Code.Coding.Any(c => c.System == "http://loinc.org" && c.Code == "72514-3")).ToList();
        // The rest are the example's questionnaire scores (PHQ-2 LOINC 55758-7, GAD-2 and back function by KneeSpine code).
        var specScores = new[] { ("phq2", "55758-7"), ("gad2", "gad2-total"), ("backFunction", "back-function-score") }
            .Where(s => expected["scores"]?[s.Item1] is not null)
            .Select(s => (s.Item2, expected["scores"]![s.Item1]!.GetValue<int>()));
        var fhirScores = quantities.Except(scores).Select(o => (o.Code.Coding.Single().Code, (int)((Quantity)o.Value).Value!.Value));
        Assert.Equal(specScores.Order(), fhirScores.Order());
        Assert.Equal(input.Knee?.PainNow is null ? 1 : 2, scores.Count);
        Assert.Equal(input.BackPain.IntensityNow.Value, ((Quantity)scores[0].Value).Value);
        if (input.Knee?.PainNow is { } knee)
        {
            Assert.Equal(knee.Value, ((Quantity)scores[1].Value).Value);
            Assert.NotEqual(scores[0].BodySite.Coding.Single().Code, scores[1].BodySite.Coding.Single().Code);
        }

        Assert.All(resources, validator.AssertValid);
    }

    private static IEnumerable<string> Codes(JsonNode array) => array!.AsArray().Select(n => n!.GetValue<string>());

    [Fact]
    public async Task Assess_with_an_unanswered_red_flag_is_400_naming_the_question()
    {
        var response = FhirHttp.ExampleResponse("01-mild-pain-after-spinal");
        var redFlags = response.Item.Single(i => i.LinkId == "section:redFlags");
        redFlags.Item.RemoveAll(i => i.LinkId == "redFlags.feverOrChills");

        var answer = await App.Anonymous().PostAsync("/fhir/QuestionnaireResponse/$assess", FhirHttp.Content(response), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var outcome = await answer.OutcomeAsync();
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(["redFlags.feverOrChills"], issue.Expression);
        Assert.Equal(OperationOutcome.IssueType.Required, issue.Code);
    }

    [Theory]
    [InlineData("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"done\"}")]
    [InlineData("{\"resourceType\":\"QuestionnaireResponse\",\"status\":")]
    [InlineData("{\"resourceType\":\"Patient\"}")]
    [InlineData("null")]
    // An unknown property twice, first an empty array: Firely throws InvalidOperationException for it (found by HostileInputTests).
    [InlineData("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"colour\":[],\"colour\":1}")]
    public async Task A_malformed_body_is_400_OperationOutcome(string body)
    {
        var response = await App.Anonymous().PostAsync("/fhir/QuestionnaireResponse/$assess", new StringContent(body, Encoding.UTF8, FhirHttp.FhirJsonType), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var outcome = await response.OutcomeAsync();
        Assert.All(outcome.Issue, i => Assert.Equal(OperationOutcome.IssueSeverity.Error, i.Severity));
    }

    [Fact]
    public async Task A_bad_answer_type_is_named_by_its_element()
    {
        var body = (await FhirHttp.Content(FhirHttp.ExampleResponse("01-mild-pain-after-spinal")).ReadAsStringAsync(Cancel))
            .Replace("\"valueInteger\": 3", "\"valueInteger\": \"three\"", StringComparison.Ordinal);
        Assert.Contains("three", body, StringComparison.Ordinal);

        var response = await App.Anonymous().PostAsync("/fhir/QuestionnaireResponse/$assess", new StringContent(body, Encoding.UTF8, FhirHttp.FhirJsonType), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var outcome = await response.OutcomeAsync();
        Assert.Contains(outcome.Issue, i => i.Expression.Any(e => e.Contains("answer", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/fhir/Medication/123")]
    [InlineData("/fhir/Patient/not-a-uuid/$validate")]
    [InlineData("/fhir/Questionnaire/other")]
    public async Task Unknown_resources_and_operations_are_404_OperationOutcome(string url)
    {
        var response = await App.Anonymous().SendAsync(FhirHttp.Get(url), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.OutcomeAsync();
    }

    [Fact]
    public async Task A_wrong_method_is_405_OperationOutcome()
    {
        var response = await App.Anonymous().DeleteAsync("/fhir/metadata", Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var outcome = await response.OutcomeAsync();
        Assert.Equal(OperationOutcome.IssueType.NotSupported, outcome.Issue[0].Code);
    }

    [Theory]
    [InlineData("application/fhir+json", null, "application/fhir+json")]
    [InlineData("application/json", null, "application/json")]
    [InlineData("*/*", null, "application/fhir+json")]
    [InlineData("application/fhir+xml", "json", "application/fhir+json")]
    [InlineData(null, "application/fhir+json", "application/fhir+json")]
    [InlineData("text/html", "application/json", "application/json")]
    public async Task JSON_is_served_as_the_caller_asks(string? accept, string? format, string mediaType)
    {
        var url = "/fhir/metadata" + (format is null ? "" : "?_format=" + Uri.EscapeDataString(format));

        var response = await App.Anonymous().SendAsync(FhirHttp.Get(url, accept), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("CapabilityStatement", JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!["resourceType"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/fhir+xml", null)]
    [InlineData(null, "xml")]
    public async Task XML_is_refused_with_406_OperationOutcome(string? accept, string? format)
    {
        var url = "/fhir/metadata" + (format is null ? "" : "?_format=" + format);

        var response = await App.Anonymous().SendAsync(FhirHttp.Get(url, accept), Cancel);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        await response.OutcomeAsync();
    }

    [Fact]
    public async Task Assess_accepts_plain_application_json_and_refuses_other_bodies_with_415()
    {
        var resource = FhirHttp.ExampleResponse("01-mild-pain-after-spinal");

        var json = await App.Anonymous().PostAsync("/fhir/QuestionnaireResponse/$assess", FhirHttp.Content(resource, "application/json"), Cancel);
        var text = await App.Anonymous().PostAsync("/fhir/QuestionnaireResponse/$assess", FhirHttp.Content(resource, "text/plain"), Cancel);

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        await text.OutcomeAsync();
    }

    [Fact]
    public async Task Stored_records_need_authentication_401_OperationOutcome_not_a_redirect()
    {
        var response = await App.Anonymous().SendAsync(FhirHttp.Get($"/fhir/Patient/{Guid.NewGuid()}"), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var outcome = await response.OutcomeAsync();
        Assert.Equal(OperationOutcome.IssueType.Login, outcome.Issue[0].Code);
    }

    [Fact]
    public async Task A_patient_account_gets_403_OperationOutcome_for_another_patient()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var own = await PatientsApiTests.CreatePatientAsync(clinician, "Own Fhir Patient");
        var other = await PatientsApiTests.CreatePatientAsync(clinician, "Other Fhir Patient");
        var patient = await App.ClientAsync(Roles.Patient, own);

        var allowed = await patient.SendAsync(FhirHttp.Get($"/fhir/Patient/{own}"), Cancel);
        var refused = await patient.SendAsync(FhirHttp.Get($"/fhir/Patient/{other}/$everything"), Cancel);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        validator.AssertValid(await allowed.ReadAsync<Patient>());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.Forbidden, (await refused.OutcomeAsync()).Issue[0].Code);
    }
}

public sealed class FhirEndpointOnSqlite(SqliteApp app, FhirValidatorFixture validator) : FhirEndpointTests(app, validator), IClassFixture<SqliteApp>;

public sealed class FhirEndpointOnPostgres(PostgresApp app, FhirValidatorFixture validator) : FhirEndpointTests(app, validator), IClassFixture<PostgresApp>;
