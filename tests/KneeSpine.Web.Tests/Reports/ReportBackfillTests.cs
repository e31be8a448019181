using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Reports;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.Reports;

/// <summary>
/// A database whose assessments were stored before the report tables existed (simulated by emptying them): the
/// backfill (ADR-150) gives the report back exactly the numbers the rows written at the time gave, in batches, on
/// both databases; a stopped run resumes; a second run writes nothing; a damaged record is left out, not fatal.
/// </summary>
public abstract class ReportBackfillTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Assessments_stored_before_the_report_rows_are_counted_again_after_a_restart_and_a_second_run_adds_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(fixture.Kind);
        var surgery = new DateOnly(2026, 3, 2);
        var filter = new ReportFilter { From = surgery, To = surgery };
        string expected;
        long assessments;
        await using (var before = TestApp.Start(database))
        {
            var clinician = await before.ClientAsync(Roles.Clinician);
            for (var i = 0; i < 7; i++)
            {
                var patient = await ReportCohort.PatientAsync(clinician, sex: i % 2 == 0 ? "female" : "male");
                await ReportCohort.AssessAsync(clinician, patient, surgery, 14, i);
                var later = await ReportCohort.AssessAsync(clinician, patient, surgery, 42, 9 - i,
                    change: i == 0 ? input => input["redFlags"]!["feverOrChills"] = true : null);
                if (i < 3)
                {
                    // An edit: the backfill must take the current version only.
                    var edit = Inputs.Valid(surgery.AddDays(42), daysSinceSurgery: 42, backPain: 1);
                    var revised = await clinician.PutAsync($"/api/v1/patients/{patient}/assessments/{later["id"]}", Inputs.Json(edit), Cancel);
                    Assert.True(revised.IsSuccessStatusCode, $"edit gave {(int)revised.StatusCode}");
                }
            }

            // One damaged record under another surgery date: it is skipped, and the filtered report does not see it.
            var damaged = await ReportCohort.PatientAsync(clinician);
            var broken = (await ReportCohort.AssessAsync(clinician, damaged, surgery.AddDays(-1), 14, 3))["id"]!.GetValue<Guid>();

            var report = await BuildAsync(before, filter);
            assessments = report.Assessments!.Value;
            Assert.Equal(14L, assessments);
            expected = ReportJson.ToJson(report).ToJsonString();

            // What a database migrated with assessments already in it looks like: the report tables are empty.
            await WithDbAsync(before, async db =>
            {
                await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ReportFindings\"", Cancel);
                await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ReportRows\"", Cancel);
                return await db.Assessments.Where(a => a.Id == broken).ExecuteUpdateAsync(set => set.SetProperty(a => a.InputJson, "{}"), Cancel);
            });
            Assert.Equal(0L, (await BuildAsync(before, filter)).Assessments ?? 0);

            // A run stopped after its first batch leaves whole batches behind it.
            var (chosen, added) = await before.WithServiceAsync<ReportRowBackfill, (int, int)>(b => b.RunBatchAsync(4, 0, Cancel));
            Assert.Equal(4, chosen);
            Assert.True(added >= 3, $"added {added}");
            Assert.Equal(added, await WithDbAsync(before, db => db.ReportRows.CountAsync(Cancel)));
        }

        // The restarted server finishes the job in the background.
        await using var after = TestApp.Start(database);
        Assert.True(await Poll.UntilAsync(async () => (await BuildAsync(after, filter)).Assessments == assessments, seconds: 90), "the backfill did not finish");
        Assert.Equal(expected, ReportJson.ToJson(await BuildAsync(after, filter)).ToJsonString());
        var rows = await WithDbAsync(after, db => db.ReportRows.CountAsync(Cancel));
        var findings = await WithDbAsync(after, db => db.ReportFindings.CountAsync(Cancel));
        Assert.Equal(14, rows);

        var again = await after.WithServiceAsync<ReportRowBackfill, BackfillOutcome>(b => b.RunAsync(batchSize: 3, cancellationToken: Cancel));
        Assert.Equal(new BackfillOutcome(0, 1), again);
        Assert.Equal(rows, await WithDbAsync(after, db => db.ReportRows.CountAsync(Cancel)));
        Assert.Equal(findings, await WithDbAsync(after, db => db.ReportFindings.CountAsync(Cancel)));
        Assert.Equal(expected, ReportJson.ToJson(await BuildAsync(after, filter)).ToJsonString());
    }

    private static Task<OutcomesReport> BuildAsync(TestApp app, ReportFilter filter) =>
        app.WithServiceAsync<ReportService, OutcomesReport>(reports => reports.BuildAsync(filter, Cancel));

    private static Task<T> WithDbAsync<T>(TestApp app, Func<KneeSpineDbContext, Task<T>> use) => app.WithServiceAsync(use);
}

public sealed class ReportBackfillOnSqlite(SqliteApp app) : ReportBackfillTests(app), IClassFixture<SqliteApp>;

public sealed class ReportBackfillOnPostgres(PostgresApp app) : ReportBackfillTests(app), IClassFixture<PostgresApp>;
