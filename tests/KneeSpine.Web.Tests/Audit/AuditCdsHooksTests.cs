using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KneeSpine.Fhir.Audit;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Tests.CdsHooks;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Audit;

/// <summary>CDS Hooks calls in the audit trail: the EHR as who, the patient when KneeSpine's own record was read, refused tokens.</summary>
public abstract class AuditCdsHooksTests(CdsApp fixture)
{
    private const string ServiceUrl = "http://localhost/cds-services/kneespine-back-pain";

    private TestApp App => fixture.App;

    [Fact]
    public async Task A_call_that_reads_the_stored_assessment_names_the_patient_and_the_ehr()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Audit Cds Patient");
        Assert.Equal(HttpStatusCode.Created, (await AuditTrail.SendAsync(clinician, HttpMethod.Post, $"/api/v1/patients/{patient}/assessments", Inputs.Json(Inputs.Valid()))).Response.StatusCode);
        var mark = await AuditTrail.MarkAsync(App);

        var (response, _) = await CallAsync(EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, App.Time.GetUtcNow()), patient.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var e = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal((AuditAction.CdsPatientView, AuditOutcome.Success, (Guid?)patient), (e.Action, e.Outcome, e.PatientId));
        Assert.Equal((EhrKeys.Issuer, AuditEntry.CdsHooksClient, (string?)null), (e.UserName, e.Client, e.UserId));
    }

    [Fact]
    public async Task A_call_for_a_patient_kneespine_does_not_hold_names_no_patient()
    {
        var mark = await AuditTrail.MarkAsync(App);

        await CallAsync(EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, App.Time.GetUtcNow()), "ehr-only-patient");

        var e = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal((AuditAction.CdsPatientView, (Guid?)null, EhrKeys.Issuer), (e.Action, e.PatientId, e.UserName));
    }

    [Fact]
    public async Task A_refused_ehr_token_is_recorded_as_denied_with_the_reason()
    {
        var mark = await AuditTrail.MarkAsync(App);

        var (response, _) = await CallAsync(EhrKeys.Unsigned(ServiceUrl, App.Time.GetUtcNow()), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var e = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal((AuditAction.CdsPatientView, AuditOutcome.Denied, 401, Web.Audit.AuditMiddleware.Anonymous), (e.Action, e.Outcome, e.StatusCode ?? 0, e.UserName));
        Assert.StartsWith("EHR token refused: ", e.Detail, StringComparison.Ordinal);
        Assert.Null(e.Client);
    }

    private async Task<(HttpResponseMessage Response, string Body)> CallAsync(string token, string patientId)
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var body = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "Practitioner/1", ["patientId"] = patientId },
        };
        return await AuditTrail.SendAsync(client, HttpMethod.Post, "/cds-services/kneespine-back-pain", JsonContent.Create(body));
    }
}

public sealed class AuditCdsHooksOnSqlite(SqliteCdsApp app) : AuditCdsHooksTests(app), IClassFixture<SqliteCdsApp>;

public sealed class AuditCdsHooksOnPostgres(PostgresCdsApp app) : AuditCdsHooksTests(app), IClassFixture<PostgresCdsApp>;
