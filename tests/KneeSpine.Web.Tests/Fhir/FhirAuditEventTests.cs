// Firely's POCOs declare every element nullable; tests navigate them freely, and a null there fails the test anyway.
#nullable disable warnings
using System.Net;
using Hl7.Fhir.Model;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Fhir.Tests.Support;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;
using AuditAction = KneeSpine.Store.Audit.AuditAction;
using AuditOutcome = KneeSpine.Store.Audit.AuditOutcome;
using StoredAuditEvent = KneeSpine.Store.Audit.AuditEvent;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.Fhir;

/// <summary>GET /fhir/AuditEvent: the audit trail as valid R4 AuditEvents, searched by patient, date and _count; admins only.</summary>
public abstract class FhirAuditEventTests(AppFixture fixture, FhirValidatorFixture validator)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Searching_by_patient_gives_a_searchset_of_valid_audit_events_newest_first()
    {
        var (clinician, clinicianToken) = await App.CreateAccountAsync(Roles.Clinician);
        var client = Bearer(clinicianToken);
        var patient = await PatientsApiTests.CreatePatientAsync(client, "Fhir Audit Patient");
        App.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/patients/{patient}", Cancel)).StatusCode);
        App.Time.Advance(TimeSpan.FromMinutes(1));
        var other = await App.ClientAsync(Roles.Patient, await PatientsApiTests.CreatePatientAsync(client, "Fhir Audit Other"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/patients/{patient}", Cancel)).StatusCode);
        var admin = await App.ClientAsync(Roles.Admin);

        var response = await admin.SendAsync(FhirHttp.Get($"/fhir/AuditEvent?patient=Patient/{patient}"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await response.ReadAsync<Bundle>();
        validator.AssertValid(bundle);
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(3, bundle.Total);
        var events = bundle.Entry.Select(e => (AuditEvent)e.Resource).ToList();
        Assert.All(events, validator.AssertValid);
        Assert.Equal(["patient-read", "patient-read", "patient-create"], events.Select(e => e.Subtype.Single(c => c.System == KneeSpineCodeSystems.AuditAction).Code));
        Assert.Equal([AuditEvent.AuditEventOutcome.N8, AuditEvent.AuditEventOutcome.N0, AuditEvent.AuditEventOutcome.N0], events.Select(e => e.Outcome));
        Assert.All(events, e => Assert.Equal($"Patient/{patient}", e.Entity.Single(x => x.What is not null).What.Reference));
        var read = events[1];
        Assert.Equal(StandardCodes.PatientRecordEvent.Code, read.Type.Code);
        Assert.Equal(AuditEvent.AuditEventAction.R, read.Action);
        Assert.Equal(clinician.Email, read.Agent[0].Who.Display);
        Assert.Equal(clinician.Id, read.Agent[0].Who.Identifier.Value);
        Assert.Equal("clinician", read.Agent[0].Role[0].Text);
        Assert.StartsWith("urn:uuid:", read.Agent[0].Policy.Single(), StringComparison.Ordinal);
        Assert.Equal("success (HTTP 200)", read.OutcomeDesc);
        Assert.Equal($"GET /api/v1/patients/{patient}", read.Entity.Single(x => x.Name is not null).Name);
        Assert.Equal(bundle.Entry[1].FullUrl, $"http://localhost/fhir/AuditEvent/{read.Id}");
        Assert.Contains("another patient's record", events[0].OutcomeDesc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Date_prefixes_bound_the_search_and_count_limits_it_while_total_counts_all()
    {
        var patient = Guid.NewGuid();
        foreach (var day in new[] { 20, 21, 22 })
        {
            await Audit.AuditTrail.WriteAsync(App, new StoredAuditEvent
            {
                OccurredAt = new DateTimeOffset(2026, 11, day, 12, 0, 0, TimeSpan.Zero),
                Action = AuditAction.AssessmentRead,
                Outcome = AuditOutcome.Success,
                UserName = "seeded",
                PatientId = patient,
            });
        }

        var admin = await App.ClientAsync(Roles.Admin);

        // Each search is itself recorded about this patient (at the test's "now", after the seeded days): count first.
        var counted = await SearchAsync(admin, $"patient={patient}&_count=1");
        var ranged = await SearchAsync(admin, $"patient={patient}&date=ge2026-11-21&date=lt2026-11-22T12:00:01Z");
        var oneDay = await SearchAsync(admin, $"entity=Patient/{patient}&date=2026-11-20");

        Assert.Equal(
            [new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)],
            ranged.Entry.Select(e => ((AuditEvent)e.Resource).Recorded!.Value));
        Assert.Equal(2, ranged.Total);
        Assert.Equal(1, oneDay.Total);
        Assert.Equal(3, counted.Total);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero), ((AuditEvent)Assert.Single(counted.Entry).Resource).Recorded);
    }

    [Theory]
    [InlineData("patient=Patient/not-a-uuid", "patient")]
    [InlineData("date=2026-13-45", "date")]
    [InlineData("date=ne2026-11-20", "date")]
    [InlineData("agent=someone", "agent")]
    public async Task A_search_that_does_not_read_is_a_400_operation_outcome_naming_the_parameter(string query, string parameter)
    {
        var admin = await App.ClientAsync(Roles.Admin);

        var response = await admin.SendAsync(FhirHttp.Get("/fhir/AuditEvent?" + query), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([parameter], (await response.OutcomeAsync()).Issue[0].Expression);
    }

    [Theory]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.Patient)]
    public async Task Accounts_that_are_not_admins_get_a_403_operation_outcome(string role)
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        Guid? linked = role == Roles.Patient ? await PatientsApiTests.CreatePatientAsync(clinician, "Fhir Audit Refused") : null;
        var caller = await App.ClientAsync(role, linked);

        var response = await caller.SendAsync(FhirHttp.Get("/fhir/AuditEvent"), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.Forbidden, (await response.OutcomeAsync()).Issue[0].Code);
    }

    [Fact]
    public async Task Metadata_lists_audit_event_search_with_exactly_the_parameters_served()
    {
        var capabilities = await (await App.Anonymous().SendAsync(FhirHttp.Get("/fhir/metadata"), Cancel)).ReadAsync<CapabilityStatement>();

        var audit = Assert.Single(capabilities.Rest[0].Resource, r => r.Type == "AuditEvent");
        Assert.Equal([CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType], audit.Interaction.Select(i => i.Code));
        Assert.Equal(["patient", "entity", "date", "_count", "_offset", "_snapshot"], audit.SearchParam.Select(p => p.Name));
        Assert.Contains("AuditEvent is for admins only", capabilities.Rest[0].Security.Description, StringComparison.Ordinal);
    }

    private static async Task<Bundle> SearchAsync(HttpClient client, string query)
    {
        var response = await client.SendAsync(FhirHttp.Get("/fhir/AuditEvent?" + query), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<Bundle>();
    }

    private HttpClient Bearer(string token) => Audit.AuditTrail.Bearer(App, token);
}

public sealed class FhirAuditEventsOnSqlite(SqliteApp app, FhirValidatorFixture validator) : FhirAuditEventTests(app, validator), IClassFixture<SqliteApp>;

public sealed class FhirAuditEventsOnPostgres(PostgresApp app, FhirValidatorFixture validator) : FhirAuditEventTests(app, validator), IClassFixture<PostgresApp>;
