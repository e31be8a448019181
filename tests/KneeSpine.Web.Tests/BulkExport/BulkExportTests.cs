using System.Net;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Fhir.Bulk;
using KneeSpine.Web.Tests.Fhir;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.BulkExport;

/// <summary>
/// FHIR Bulk Data v2 export through plain HTTP, as the IG's client does it: kick-off, polling, manifest, files,
/// cancel, expiry, filters, and a re-import of the files that gives the same data back.
/// </summary>
public abstract class BulkExportTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task A_system_export_gives_a_manifest_and_ndjson_files_that_reimport_to_identical_data()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var first = await SeedAsync(clinician, "Bulk First Patient", assessments: 2);
        var second = await SeedAsync(clinician, "Bulk Second Patient", assessments: 1);
        // An urgent assessment has alerts, so the export has Flags too.
        await Worklist.Levels.StoreAsync(clinician, second, Worklist.Levels.Urgent(TestApp.Today));
        var admin = await App.ClientAsync(Roles.Admin);
        var kickedOffAt = App.Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var status = await BulkDataClient.StartAsync(admin, "/fhir/$export?_outputFormat=application/fhir%2Bndjson");
        var manifest = await BulkDataClient.WaitForManifestAsync(admin, status);
        var files = await BulkDataClient.DownloadAsync(admin, manifest);

        Assert.Equal(kickedOffAt, manifest["transactionTime"]!.GetValue<string>());
        Assert.Equal("http://localhost/fhir/$export?_outputFormat=application/fhir%2Bndjson", manifest["request"]!.GetValue<string>());
        Assert.True(manifest["requiresAccessToken"]!.GetValue<bool>());
        Assert.Empty(manifest["error"]!.AsArray());
        Assert.Equal(["CarePlan", "Flag", "Observation", "Patient", "Procedure", "QuestionnaireResponse", "RiskAssessment"],
            files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(files["Patient"], line => line.Contains(first.ToString(), StringComparison.Ordinal));
        Assert.Contains(files["Patient"], line => line.Contains(second.ToString(), StringComparison.Ordinal));
        Assert.Equal(4, files["QuestionnaireResponse"].Count(l => l.Contains(first.ToString(), StringComparison.Ordinal) || l.Contains(second.ToString(), StringComparison.Ordinal)));
        Assert.All(files.Values.SelectMany(l => l), line => Assert.NotNull(FhirNdjson.Parse(line)));

        // `kneespine import` runs this service; importing the files into an empty store and exporting again gives the same files.
        await using var copy = await TestApp.StartAsync(fixture.Kind);
        var report = await copy.WithServiceAsync<FhirBulkImport, ImportReport>(import =>
            import.ImportAsync(new StringReader(string.Join('\n', files.OrderBy(f => f.Key, StringComparer.Ordinal).SelectMany(f => f.Value))), "import:test", cancellationToken: Cancel));
        Assert.Empty(report.Errors);
        var copyAdmin = await copy.ClientAsync(Roles.Admin);
        var again = await BulkDataClient.DownloadAsync(copyAdmin,
            await BulkDataClient.WaitForManifestAsync(copyAdmin, await BulkDataClient.StartAsync(copyAdmin, "/fhir/$export")));
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), again.Keys.Order(StringComparer.Ordinal));
        foreach (var (type, lines) in files)
        {
            Assert.Equal(lines, again[type]);
        }
    }

    [Theory]
    [InlineData("/fhir/$export", false, "Prefer")]
    [InlineData("/fhir/$export?_outputFormat=text/csv", true, "_outputFormat")]
    [InlineData("/fhir/$export?_type=Patient,Encounter", true, "_type")]
    [InlineData("/fhir/$export?_since=2026-11-01", true, "_since")]
    [InlineData("/fhir/Patient/$export?_typeFilter=Patient%3Fgender%3Dfemale", true, "_typeFilter")]
    public async Task A_kick_off_the_server_cannot_honour_gets_400_with_an_operation_outcome_naming_it(string url, bool respondAsync, string expression)
    {
        var admin = await App.ClientAsync(Roles.Admin);
        var jobsBefore = await JobCountAsync();

        var response = await admin.SendAsync(BulkDataClient.KickOff(url, respondAsync), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([expression], (await response.OutcomeAsync()).Issue[0].Expression);
        Assert.Equal(jobsBefore, await JobCountAsync());
    }

    [Fact]
    public async Task Only_admins_may_export_and_every_kick_off_is_audited()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var admin = await App.ClientAsync(Roles.Admin);

        var refused = await clinician.SendAsync(BulkDataClient.KickOff("/fhir/$export"), Cancel);
        var status = await BulkDataClient.StartAsync(admin, "/fhir/Patient/$export?_type=Patient");
        var peek = await clinician.GetAsync(status, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, peek.StatusCode);
        var events = await App.WithServiceAsync<KneeSpineDbContext, List<AuditEvent>>(db =>
            db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditAction.BulkExport).ToListAsync(Cancel));
        Assert.Contains(events, e => e.Outcome == AuditOutcome.Success && e.Resource!.Contains("/fhir/Patient/$export", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Outcome != AuditOutcome.Success && e.Resource!.Contains("/fhir/$export", StringComparison.Ordinal));
        await BulkDataClient.WaitForManifestAsync(admin, status);
    }

    [Fact]
    public async Task Type_and_since_select_what_is_exported()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var admin = await App.ClientAsync(Roles.Admin);
        await SeedAsync(clinician, "Bulk Before Since", assessments: 1);
        App.Time.Advance(TimeSpan.FromHours(1));
        var since = App.Time.GetUtcNow();
        var later = await SeedAsync(clinician, "Bulk After Since", assessments: 1);

        var manifest = await BulkDataClient.WaitForManifestAsync(admin, await BulkDataClient.StartAsync(admin,
            $"/fhir/$export?_type=Patient,QuestionnaireResponse&_since={Uri.EscapeDataString(since.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))}"));
        var files = await BulkDataClient.DownloadAsync(admin, manifest);

        Assert.Equal(["Patient", "QuestionnaireResponse"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(later.ToString(), Assert.Single(files["Patient"]), StringComparison.Ordinal);
        Assert.Contains(later.ToString(), Assert.Single(files["QuestionnaireResponse"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_export_takes_the_groups_patients_and_an_unknown_group_is_404()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var admin = await App.ClientAsync(Roles.Admin);
        var patient = await SeedAsync(clinician, "Bulk Group Patient", assessments: 1);
        var urgent = await SeedAsync(clinician, "Bulk Group Urgent Patient", assessments: 0);
        await Worklist.Levels.StoreAsync(clinician, urgent, Worklist.Levels.Urgent(TestApp.Today.AddDays(-1)));

        var unknown = await admin.SendAsync(BulkDataClient.KickOff("/fhir/Group/everyone/$export"), Cancel);
        var all = await BulkDataClient.DownloadAsync(admin,
            await BulkDataClient.WaitForManifestAsync(admin, await BulkDataClient.StartAsync(admin, "/fhir/Group/all/$export?_type=Patient")));
        var worklist = await BulkDataClient.WaitForManifestAsync(admin, await BulkDataClient.StartAsync(admin, "/fhir/Group/worklist/$export?_type=Patient"));
        var open = await App.WithServiceAsync<KneeSpineDbContext, List<Guid>>(db =>
            db.WorklistItems.Where(i => i.AcknowledgedAt == null).Select(i => i.PatientId).Distinct().ToListAsync(Cancel));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(all["Patient"], line => line.Contains(patient.ToString(), StringComparison.Ordinal));
        string[] worklistPatients = worklist["output"]!.AsArray().Count == 0 ? [] : (await BulkDataClient.DownloadAsync(admin, worklist))["Patient"];
        Assert.Contains(urgent, open);
        Assert.DoesNotContain(patient, open);
        Assert.Equal(open.Select(p => p.ToString()).Order(StringComparer.Ordinal),
            worklistPatients.Select(l => FhirNdjson.Parse(l).Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Delete_cancels_a_queued_export_and_its_status_is_then_404()
    {
        // Its own database, so no node that runs jobs can take the export before it is cancelled.
        await using var database = await TestDatabase.CreateAsync(fixture.Kind);
        await using var node = TestApp.Start(database, IdleNode);
        var admin = await node.ClientAsync(Roles.Admin);
        var status = await BulkDataClient.StartAsync(admin, "/fhir/$export");

        var waiting = await admin.GetAsync(status, Cancel);
        var cancel = await admin.DeleteAsync(status, Cancel);
        var after = await admin.GetAsync(status, Cancel);

        Assert.Equal(HttpStatusCode.Accepted, waiting.StatusCode);
        Assert.Equal("queued", waiting.Headers.GetValues("X-Progress").Single());
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(status, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Files_expire_after_the_configured_time_and_are_deleted()
    {
        await SeedAsync(await App.ClientAsync(Roles.Clinician), "Bulk Expiring Patient", assessments: 0);
        var admin = await App.ClientAsync(Roles.Admin);
        var status = await BulkDataClient.StartAsync(admin, "/fhir/$export?_type=Patient");
        var manifest = await BulkDataClient.WaitForManifestAsync(admin, status);
        var job = Guid.Parse(status.Segments[^1]);

        App.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(status, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(manifest["output"]![0]!["url"]!.GetValue<string>(), Cancel)).StatusCode);
        var limit = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (await App.WithServiceAsync<KneeSpineDbContext, int>(db => db.BulkExportChunks.CountAsync(c => c.JobId == job, Cancel)) > 0)
        {
            Assert.True(DateTime.UtcNow < limit, "The clean-up did not delete the expired files.");
            App.Time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(50, Cancel);
        }
    }

    [Fact]
    public async Task A_job_queued_before_a_restart_completes_after_it()
    {
        await using var database = await TestDatabase.CreateAsync(fixture.Kind);
        Uri status;
        await using (var before = TestApp.Start(database, IdleNode))
        {
            var clinician = await before.ClientAsync(Roles.Clinician);
            await SeedAsync(clinician, "Bulk Restart Patient", assessments: 1);
            status = await BulkDataClient.StartAsync(await before.ClientAsync(Roles.Admin), "/fhir/$export");
        }

        await using var after = TestApp.Start(database);
        var admin = await after.ClientAsync(Roles.Admin);
        var files = await BulkDataClient.DownloadAsync(admin, await BulkDataClient.WaitForManifestAsync(admin, status));

        Assert.Single(files["Patient"]);
        Assert.Single(files["QuestionnaireResponse"]);
    }

    [Fact]
    public async Task A_job_whose_node_died_mid_export_is_run_again_from_the_start_when_its_lease_runs_out()
    {
        await using var database = await TestDatabase.CreateAsync(fixture.Kind);
        await using var app = TestApp.Start(database, IdleNode);
        var clinician = await app.ClientAsync(Roles.Clinician);
        await SeedAsync(clinician, "Bulk Crash Patient", assessments: 1);
        var admin = await app.ClientAsync(Roles.Admin);
        var status = await BulkDataClient.StartAsync(admin, "/fhir/$export");
        var job = Guid.Parse(status.Segments[^1]);
        // What a node that died half way leaves: its lease and a first chunk written.
        await app.WithServiceAsync<KneeSpineDbContext, int>(async db =>
        {
            db.BulkExportChunks.Add(new Store.BulkExport.BulkExportChunk { JobId = job, Type = "Patient", Sequence = 0, Data = "{\"resourceType\":\"Patient\",\"id\":\"half\"}\n"u8.ToArray() });
            await db.SaveChangesAsync(Cancel);
            return await db.BulkExportJobs.Where(j => j.Id == job).ExecuteUpdateAsync(set => set
                .SetProperty(j => j.LeasedBy, "dead-node").SetProperty(j => j.LeasedUntil, app.Time.GetUtcNow() + TimeSpan.FromMinutes(2))
                .SetProperty(j => j.PatientsTotal, 1), Cancel);
        });

        await using var survivor = TestApp.Start(database);
        survivor.Time.SetUtcNow(app.Time.GetUtcNow());
        var survivorAdmin = await survivor.ClientAsync(Roles.Admin);
        var progress = await survivorAdmin.GetAsync(status, Cancel);
        var manifest = await BulkDataClient.WaitForManifestAsync(survivorAdmin, status, () => survivor.Time.Advance(TimeSpan.FromSeconds(30)));
        var files = await BulkDataClient.DownloadAsync(survivorAdmin, manifest);

        Assert.Equal("0 of 1 patients", progress.Headers.GetValues("X-Progress").Single());
        Assert.Contains("Bulk", Assert.Single(files["Patient"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_capability_statement_lists_the_export_operations()
    {
        var metadata = await (await App.Anonymous().SendAsync(FhirHttp.Get("/fhir/metadata"), Cancel)).ReadAsync<Hl7.Fhir.Model.CapabilityStatement>();
        var rest = metadata.Rest.Single();

        Assert.Equal("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export", rest.Operation.Single(o => o.Name == "export").Definition);
        Assert.Equal("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export", rest.Resource.Single(r => r.Type == "Patient").Operation.Single(o => o.Name == "export").Definition);
        Assert.Equal("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export", rest.Resource.Single(r => r.Type == "Group").Operation.Single(o => o.Name == "export").Definition);
    }

    /// <summary>A node that takes kick-offs and answers status but runs no jobs, so its jobs stay queued until another node (or a restart) takes them.</summary>
    internal static readonly IReadOnlyDictionary<string, string?> IdleNode = new Dictionary<string, string?> { ["KneeSpine:BulkExport:RunJobs"] = "false" };

    internal static async Task<Guid> SeedAsync(HttpClient clinician, string name, int assessments)
    {
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, name);
        for (var i = 0; i < assessments; i++)
        {
            var response = await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(Inputs.Valid(TestApp.Today.AddDays(-10 + i))), Cancel);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        return patient;
    }

    private Task<int> JobCountAsync() => App.WithServiceAsync<KneeSpineDbContext, int>(db => db.BulkExportJobs.CountAsync(Cancel));
}

public sealed class BulkExportOnSqlite(SqliteApp app) : BulkExportTests(app), IClassFixture<SqliteApp>;

public sealed class BulkExportOnPostgres(PostgresApp app) : BulkExportTests(app), IClassFixture<PostgresApp>;
