using System.Net;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.Audit;

/// <summary>
/// When the audit trail cannot be written, the clinical write it describes still stands and is answered as usual
/// (the event goes to the log instead, ADR-050); writing resumes by itself when the table is back.
/// </summary>
public abstract class AuditFailureTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_failing_audit_write_keeps_the_stored_assessment_and_its_201_and_recording_resumes_afterwards()
    {
        var client = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(client, "Audit Outage Patient");
        var mark = await AuditTrail.MarkAsync(App);

        await RenameAuditTableAsync("AuditEvents", "AuditEvents_away");
        HttpResponseMessage stored;
        try
        {
            (stored, _) = await AuditTrail.SendAsync(client, HttpMethod.Post, $"/api/v1/patients/{patient}/assessments", Inputs.Json(Inputs.Valid()));
        }
        finally
        {
            await RenameAuditTableAsync("AuditEvents_away", "AuditEvents");
        }

        var (listed, _) = await AuditTrail.GetAsync(client, $"/api/v1/patients/{patient}/assessments");

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Equal(1, await App.WithServiceAsync<KneeSpineDbContext, int>(db => db.Assessments.CountAsync(a => a.PatientId == patient, TestContext.Current.CancellationToken)));
        var events = await AuditTrail.SinceAsync(App, mark);
        // Only the read after the table came back: the write's event went to the log, not to the table.
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal([Store.Audit.AuditAction.AssessmentList], events.Select(e => e.Action));
    }

    // Identifiers cannot be parameters; both names are the test's own constants.
#pragma warning disable EF1002
    private Task RenameAuditTableAsync(string from, string to) =>
        App.WithServiceAsync<KneeSpineDbContext, int>(db =>
            db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"{from}\" RENAME TO \"{to}\"", TestContext.Current.CancellationToken));
#pragma warning restore EF1002
}

public sealed class AuditFailureOnSqlite(SqliteApp app) : AuditFailureTests(app), IClassFixture<SqliteApp>;

public sealed class AuditFailureOnPostgres(PostgresApp app) : AuditFailureTests(app), IClassFixture<PostgresApp>;
