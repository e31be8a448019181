using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.BulkExport;

/// <summary>Two app nodes on one PostgreSQL database: one takes the kick-off, the other runs the job, and either answers.</summary>
public sealed class BulkExportNodesOnPostgres
{
    [Fact]
    public async Task A_job_kicked_off_on_one_node_is_run_by_another_and_both_answer_its_status_and_files()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Postgres);
        await using var front = TestApp.Start(database, BulkExportTests.IdleNode);
        await using var worker = TestApp.Start(database);
        var patient = await BulkExportTests.SeedAsync(await front.ClientAsync(Roles.Clinician), "Bulk Two Nodes Patient", assessments: 1);
        var frontAdmin = await front.ClientAsync(Roles.Admin);
        var workerAdmin = await worker.ClientAsync(Roles.Admin);

        var status = await BulkDataClient.StartAsync(frontAdmin, "/fhir/$export");
        // The worker node was not told of the kick-off; it finds the job when its poll interval passes.
        var manifest = await BulkDataClient.WaitForManifestAsync(frontAdmin, status, () => worker.Time.Advance(TimeSpan.FromSeconds(10)));
        var fromFront = await BulkDataClient.DownloadAsync(frontAdmin, manifest);
        var fromWorker = await BulkDataClient.DownloadAsync(workerAdmin, await BulkDataClient.WaitForManifestAsync(workerAdmin, status));

        Assert.Contains(patient.ToString(), Assert.Single(fromFront["Patient"]), StringComparison.Ordinal);
        Assert.Equal(fromFront.Keys.Order(StringComparer.Ordinal), fromWorker.Keys.Order(StringComparer.Ordinal));
        Assert.All(fromFront, file => Assert.Equal(file.Value, fromWorker[file.Key]));
    }
}
