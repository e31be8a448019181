// Firely's POCOs declare every element nullable; tests navigate them freely, and a null there fails the test anyway.
#nullable disable warnings
using System.Net;
using Hl7.Fhir.Model;
using KneeSpine.Fhir.Tests.Support;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.Fhir;

/// <summary>Stored FHIR: QuestionnaireResponse create, Patient read, $everything and the CDS prefetch searches.</summary>
public abstract class FhirStoredRecordTests(AppFixture fixture, FhirValidatorFixture validator)
{
    private const string Fever = "04-fever-after-surgery";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Posting_a_response_stores_an_assessment_through_the_api_s_store_and_answers_201_with_location()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Fhir Store Patient");

        var created = await clinician.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(FhirHttp.ExampleResponse(Fever, $"Patient/{patient}")), Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await created.ReadAsync<QuestionnaireResponse>();
        validator.AssertValid(stored);
        Assert.Equal($"http://localhost/fhir/QuestionnaireResponse/{stored.Id}/_history/1", created.Headers.Location?.OriginalString);
        Assert.Equal($"Patient/{patient}", stored.Subject.Reference);
        var listed = await (await clinician.GetAsync($"/api/v1/patients/{patient}/assessments", Cancel)).ReadArrayAsync();
        Assert.Equal(stored.Id, Assert.Single(listed)!["id"]!.GetValue<Guid>().ToString());
        var read = await clinician.SendAsync(FhirHttp.Get(created.Headers.Location!.OriginalString), Cancel);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(stored.Id, (await read.ReadAsync<QuestionnaireResponse>()).Id);
    }

    [Fact]
    public async Task A_patient_may_store_a_response_for_their_own_record_only()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var own = await PatientsApiTests.CreatePatientAsync(clinician, "Own Response Patient");
        var other = await PatientsApiTests.CreatePatientAsync(clinician, "Other Response Patient");
        var patient = await App.ClientAsync(Roles.Patient, own);

        var allowed = await patient.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(FhirHttp.ExampleResponse(Fever, $"Patient/{own}")), Cancel);
        var refused = await patient.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(FhirHttp.ExampleResponse(Fever, $"Patient/{other}")), Cancel);

        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await refused.OutcomeAsync();
        Assert.Empty(await (await clinician.GetAsync($"/api/v1/patients/{other}/assessments", Cancel)).ReadArrayAsync());
    }

    [Fact]
    public async Task A_response_without_a_known_patient_is_refused_naming_the_subject()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);

        var missing = await clinician.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(FhirHttp.ExampleResponse(Fever)), Cancel);
        var unknown = await clinician.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(FhirHttp.ExampleResponse(Fever, $"Patient/{Guid.NewGuid()}")), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal(["QuestionnaireResponse.subject"], (await missing.OutcomeAsync()).Issue[0].Expression);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(["QuestionnaireResponse.subject"], (await unknown.OutcomeAsync()).Issue[0].Expression);
    }

    [Fact]
    public async Task Everything_has_the_patient_knee_replacement_and_every_derived_resource_all_valid()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Anna Maria Everything");
        var posted = await clinician.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(FhirHttp.ExampleResponse(Fever, $"Patient/{patient}")), Cancel);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var surgery = FhirHttp.ExampleInput(Fever).Surgery;

        var response = await clinician.SendAsync(FhirHttp.Get($"/fhir/Patient/{patient}/$everything"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await response.ReadAsync<Bundle>();
        var resources = bundle.Entry.Select(e => e.Resource).ToList();
        var fhirPatient = Assert.Single(resources.OfType<Patient>());
        Assert.Equal(patient.ToString(), fhirPatient.Id);
        Assert.Equal("Everything", fhirPatient.Name[0].Family);
        Assert.Equal(["Anna", "Maria"], fhirPatient.Name[0].Given);
        var procedure = Assert.Single(resources.OfType<Procedure>());
        Assert.Contains(procedure.Code.Coding, c => c.System == "http://snomed.info/sct" && c.Code == "609588000");
        Assert.Equal(surgery.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ((FhirDateTime)procedure.Performed).Value);
        var side = Assert.Single(Assert.Single(procedure.BodySite).Coding);
        Assert.Equal(("http://snomed.info/sct", surgery.Side switch
        {
            Engine.Input.SurgerySide.Left => "82169009",
            Engine.Input.SurgerySide.Right => "6757004",
            Engine.Input.SurgerySide.Both => "36701003",
            _ => "72696002",
        }), (side.System, side.Code));
        Assert.Equal($"Patient/{patient}", procedure.Subject.Reference);
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(bundle.Entry.Count, bundle.Total);
        Assert.Equal(Bundle.SearchEntryMode.Match, bundle.Entry.Single(e => e.Resource is Patient).Search.Mode);
        Assert.All(bundle.Entry.Where(e => e.Resource is not Patient), e => Assert.Equal(Bundle.SearchEntryMode.Include, e.Search.Mode));
        Assert.Single(resources.OfType<QuestionnaireResponse>());
        Assert.Single(resources.OfType<RiskAssessment>());
        Assert.Single(resources.OfType<CarePlan>());
        Assert.NotEmpty(resources.OfType<Flag>());
        Assert.NotEmpty(resources.OfType<Observation>());
        validator.AssertValid(bundle);
    }

    [Fact]
    public async Task The_CDS_prefetch_searches_find_the_newest_response_and_the_knee_replacement()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Prefetch Search Patient");
        // Example 01 is assessed after example 04; it is posted second-last to show order comes from the date, not the post.
        Assert.True(FhirHttp.ExampleInput("01-mild-pain-after-spinal").AssessedOn > FhirHttp.ExampleInput(Fever).AssessedOn);
        var newest = await (await clinician.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(FhirHttp.ExampleResponse("01-mild-pain-after-spinal", $"Patient/{patient}")), Cancel))
            .ReadAsync<QuestionnaireResponse>();
        await clinician.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(FhirHttp.ExampleResponse(Fever, $"Patient/{patient}")), Cancel);

        var latest = await (await clinician.SendAsync(FhirHttp.Get(
            $"/fhir/QuestionnaireResponse?subject=Patient/{patient}&questionnaire=https://kneespine.org/fhir/Questionnaire/kneespine-assessment&_sort=-authored&_count=1"), Cancel))
            .ReadAsync<Bundle>();
        var procedures = await (await clinician.SendAsync(FhirHttp.Get($"/fhir/Procedure?patient={patient}&code=http://snomed.info/sct|609588000"), Cancel)).ReadAsync<Bundle>();

        Assert.Equal(2, latest.Total);
        Assert.Equal(newest.Id, Assert.IsType<QuestionnaireResponse>(Assert.Single(latest.Entry).Resource).Id);

        Assert.Equal($"Patient/{patient}", Assert.Single(procedures.Entry).Resource is Procedure p ? p.Subject.Reference : null);
        validator.AssertValid(latest);
        validator.AssertValid(procedures);
    }

    [Fact]
    public async Task Every_line_of_a_bulk_export_is_a_valid_R4_resource_of_its_file_s_type()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Bulk Export Patient");
        foreach (var example in new[] { Fever, "02-cauda-equina-on-anticoagulant" })
        {
            Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(FhirHttp.ExampleResponse(example, $"Patient/{patient}")), Cancel)).StatusCode);
        }

        var directory = Directory.CreateTempSubdirectory("kneespine-export-").FullName;
        try
        {
            var counts = await App.WithServiceAsync<KneeSpine.Web.Fhir.Bulk.FhirBulkExport, IReadOnlyDictionary<string, int>>(export => export.ExportAsync(directory, cancellationToken: Cancel));

            Assert.Contains("Flag", counts.Keys);
            foreach (var file in Directory.GetFiles(directory, "*.ndjson"))
            {
                var type = Path.GetFileNameWithoutExtension(file);
                foreach (var line in await File.ReadAllLinesAsync(file, Cancel))
                {
                    var resource = KneeSpine.Fhir.Serialization.FhirJson.Parse<Resource>(line);
                    Assert.Equal(type, resource.TypeName);
                    validator.AssertValid(resource);
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Unsupported_search_parameters_are_400_naming_the_parameter()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);

        var response = await clinician.SendAsync(FhirHttp.Get("/fhir/QuestionnaireResponse?status=completed"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["status"], (await response.OutcomeAsync()).Issue[0].Expression);
    }
}

public sealed class FhirStoredRecordsOnSqlite(SqliteApp app, FhirValidatorFixture validator) : FhirStoredRecordTests(app, validator), IClassFixture<SqliteApp>;

public sealed class FhirStoredRecordsOnPostgres(PostgresApp app, FhirValidatorFixture validator) : FhirStoredRecordTests(app, validator), IClassFixture<PostgresApp>;
