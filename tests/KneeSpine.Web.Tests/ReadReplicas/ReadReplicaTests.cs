using System.Net;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.BulkExport;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.ReadReplicas;

/// <summary>
/// KneeSpine:Database:ReadReplicaConnectionString on a real streaming standby: exports read from the standby while the
/// primary takes the writes and serves the clinic's own reads, and the export says how old its data is.
/// </summary>
public sealed class ReadReplicaTests(StreamingReplicaPair pair) : IClassFixture<StreamingReplicaPair>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exports_read_the_standby_while_the_primary_takes_writes_and_the_manifest_says_how_old_the_data_is()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Postgres, new Dictionary<string, string?>
        {
            ["KneeSpine:Database:ConnectionString"] = pair.Primary,
            ["KneeSpine:Database:ReadReplicaConnectionString"] = pair.Standby,
        });
        // Real instants: the lag is measured against the standby's replay timestamps, which are real.
        app.Time.SetUtcNow(DateTimeOffset.UtcNow);
        var clinician = await app.ClientAsync(Roles.Clinician);
        var admin = await app.ClientAsync(Roles.Admin);
        var before = await BulkExportTests.SeedAsync(clinician, "Replica Before Pause", assessments: 1);
        await WaitForStandbyAsync(app, before);

        await pair.OnStandbyAsync("SELECT pg_wal_replay_pause()");
        // The app's clock from the pause on: every replayed commit is older than this, so 5 minutes on the lag is at least 5 minutes.
        app.Time.SetUtcNow(DateTimeOffset.UtcNow);
        try
        {
            var during = await BulkExportTests.SeedAsync(clinician, "Replica During Pause", assessments: 1);
            var clinicRead = await clinician.GetAsync($"/api/v1/patients/{during}", Cancel);
            app.Time.Advance(TimeSpan.FromMinutes(5));
            var kickOff = app.Time.GetUtcNow();
            var manifest = await BulkDataClient.WaitForManifestAsync(admin, await BulkDataClient.StartAsync(admin, "/fhir/$export?_type=Patient"));
            var patients = (await BulkDataClient.DownloadAsync(admin, manifest))["Patient"];
            var inRecovery = await app.WithServiceAsync<ReadStore, bool>(async store => store.IsReplica && (await store.LagAsync(app.Time.GetUtcNow(), Cancel)) >= TimeSpan.FromMinutes(5));

            Assert.Equal(HttpStatusCode.OK, clinicRead.StatusCode);
            Assert.Contains(patients, line => line.Contains(before.ToString(), StringComparison.Ordinal));
            Assert.DoesNotContain(patients, line => line.Contains(during.ToString(), StringComparison.Ordinal));
            Assert.True(inRecovery, "The read store should be the paused standby, at least 5 minutes behind.");
            var transactionTime = DateTimeOffset.Parse(manifest["transactionTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(transactionTime <= kickOff - TimeSpan.FromMinutes(5), $"transactionTime {transactionTime:O} should say the data is older than the kick-off {kickOff:O}.");
        }
        finally
        {
            await pair.OnStandbyAsync("SELECT pg_wal_replay_resume()");
        }
    }

    [Fact]
    public async Task A_read_replica_with_sqlite_is_refused_at_start_naming_the_setting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Database:ReadReplicaConnectionString"] = pair.Standby,
        }));

        Assert.Contains("KneeSpine:Database:ReadReplicaConnectionString", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Polls the standby (through the app's read store) until it has replayed the patient, with a generous limit.</summary>
    private static async Task WaitForStandbyAsync(TestApp app, Guid patient)
    {
        var limit = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!await app.WithServiceAsync<ReadStore, bool>(store => store.Db.Patients.AnyAsync(p => p.Id == patient, Cancel)))
        {
            Assert.True(DateTime.UtcNow < limit, "The standby did not replay the primary's write within 2 minutes.");
            await Task.Delay(50, Cancel);
        }
    }
}
