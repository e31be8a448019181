// Firely's POCOs declare every element nullable; tests navigate them freely, and a null there fails the test anyway.
#nullable disable warnings
using System.Net;
using System.Net.Http.Json;
using Hl7.Fhir.Model;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Fhir.Tests.Support;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Fhir;
using KneeSpine.Web.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.Worklist;

/// <summary>Worklist items as FHIR Tasks on <c>/fhir/Task</c>, on both databases, validated as R4.</summary>
public abstract class FhirTaskTests(AppFixture fixture, FhirValidatorFixture validator)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task An_ehr_pulls_open_items_as_requested_tasks_and_acknowledged_ones_as_completed()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Fhir Task Patient");
        var emergency = (await Levels.StoreAsync(clinician, patient, Levels.Emergency(TestApp.Today)))["id"]!.GetValue<Guid>();
        var urgent = (await Levels.StoreAsync(clinician, patient, Levels.Urgent(TestApp.Today)))["id"]!.GetValue<Guid>();
        var urgentItem = await Levels.ItemOfAsync(App, urgent);
        var acknowledged = await clinician.PostAsJsonAsync($"/api/v1/worklist/{urgentItem}/acknowledge", new { action = "called-patient", note = "No fever now." }, Cancel);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);

        var requested = await SearchAsync(clinician, $"patient=Patient/{patient}&status=requested");
        var completed = await SearchAsync(clinician, $"patient={patient}&status=completed");
        var all = await SearchAsync(clinician, $"patient=Patient/{patient}");

        var open = Assert.Single(requested.Entry).Resource as Hl7.Fhir.Model.Task;
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Requested, open.Status);
        Assert.Equal(Hl7.Fhir.Model.Task.TaskIntent.Order, open.Intent);
        Assert.Equal($"Patient/{patient}", open.For.Reference);
        Assert.Equal("RiskAssessment/" + FhirAssessmentMapper.RiskAssessmentId(emergency.ToString()), open.Focus.Reference);
        Assert.Equal(open.AuthoredOn, open.Restriction.Period.End);
        validator.AssertValid(open);
        // The focus resolves: it is the RiskAssessment the patient's record holds for that assessment.
        var everything = await (await clinician.SendAsync(FhirHttp.Get($"/fhir/Patient/{patient}/$everything"), Cancel)).ReadAsync<Bundle>();
        Assert.Contains(everything.Entry, e => e.Resource is RiskAssessment r && "RiskAssessment/" + r.Id == open.Focus.Reference
            && r.Basis.Any(b => b.Reference.StartsWith($"QuestionnaireResponse/{emergency}", StringComparison.Ordinal)));

        var done = Assert.Single(completed.Entry).Resource as Hl7.Fhir.Model.Task;
        Assert.Equal(urgentItem.ToString(), done.Id);
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Completed, done.Status);
        Assert.Equal("No fever now.", done.Note.Single().Text);
        Assert.Equal("called-patient", ((CodeableConcept)done.Output.Single().Value).Coding.Single(c => c.System == KneeSpineCodeSystems.WorklistAction).Code);
        validator.AssertValid(done);

        Assert.Equal([open.Id, done.Id], all.Entry.Select(e => e.Resource.Id));
        var read = await clinician.SendAsync(FhirHttp.Get($"/fhir/Task/{urgentItem}"), Cancel);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Completed, (await read.ReadAsync<Hl7.Fhir.Model.Task>()).Status);
    }

    [Fact]
    public async Task A_patient_token_is_refused_and_bad_searches_name_the_parameter()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Fhir Task Refused Patient");
        var item = await Levels.ItemOfAsync(App, (await Levels.StoreAsync(clinician, patient, Levels.Urgent(TestApp.Today)))["id"]!.GetValue<Guid>());
        var own = await App.ClientAsync(Roles.Patient, patient);

        var search = await own.SendAsync(FhirHttp.Get($"/fhir/Task?patient=Patient/{patient}"), Cancel);
        var read = await own.SendAsync(FhirHttp.Get($"/fhir/Task/{item}"), Cancel);
        var badStatus = await clinician.SendAsync(FhirHttp.Get($"/fhir/Task?patient=Patient/{patient}&status=open"), Cancel);
        var noPatient = await clinician.SendAsync(FhirHttp.Get("/fhir/Task?status=requested"), Cancel);
        var unknown = await clinician.SendAsync(FhirHttp.Get($"/fhir/Task/{Guid.NewGuid()}"), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(["status"], (await badStatus.OutcomeAsync()).Issue[0].Expression);
        Assert.Equal(HttpStatusCode.BadRequest, noPatient.StatusCode);
        Assert.Equal(["patient"], (await noPatient.OutcomeAsync()).Issue[0].Expression);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<Bundle> SearchAsync(HttpClient client, string query)
    {
        var response = await client.SendAsync(FhirHttp.Get("/fhir/Task?" + query), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await response.ReadAsync<Bundle>();
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        return bundle;
    }
}

public sealed class FhirTaskOnSqlite(SqliteApp app, FhirValidatorFixture validator) : FhirTaskTests(app, validator), IClassFixture<SqliteApp>;

public sealed class FhirTaskOnPostgres(PostgresApp app, FhirValidatorFixture validator) : FhirTaskTests(app, validator), IClassFixture<PostgresApp>;
