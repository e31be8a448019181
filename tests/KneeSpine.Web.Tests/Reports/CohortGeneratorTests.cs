using KneeSpine.Store.Database;
using KneeSpine.Web.Demo;
using KneeSpine.Web.Reports;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.Reports;

/// <summary>The cohort generator's batches (by COPY on PostgreSQL, ADR-151) store patients, assessments and their report rows, and the report counts them, on both databases.</summary>
public abstract class CohortGeneratorTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task A_generated_cohort_of_more_than_one_batch_is_stored_whole_and_counted_by_the_report()
    {
        var patients = CohortGenerator.BatchSize + 20;

        var summary = await App.WithServiceAsync<CohortGenerator, CohortSummary?>(g => g.GenerateAsync(patients, 11, null, Cancel));

        Assert.NotNull(summary);
        Assert.True(summary.Assessments > patients, $"{summary.Assessments} assessments");
        var (stored, assessments, rows, findings) = await App.WithServiceAsync<KneeSpineDbContext, (int, int, int, int)>(async db =>
            (await db.Patients.CountAsync(Cancel), await db.Assessments.CountAsync(Cancel), await db.ReportRows.CountAsync(Cancel), await db.ReportFindings.CountAsync(Cancel)));
        Assert.Equal(patients, stored);
        Assert.Equal(summary.Assessments, assessments);
        Assert.Equal(summary.Assessments, rows);
        Assert.True(findings > 0);
        var report = await App.WithServiceAsync<ReportService, OutcomesReport>(r => r.BuildAsync(new ReportFilter(), Cancel));
        Assert.Equal(patients, report.Patients);
        Assert.Equal(summary.Assessments, report.Assessments);
        // The same seed again writes nothing.
        Assert.Null(await App.WithServiceAsync<CohortGenerator, CohortSummary?>(g => g.GenerateAsync(patients, 11, null, Cancel)));
    }
}

public sealed class CohortGeneratorOnSqlite(SqliteApp app) : CohortGeneratorTests(app), IClassFixture<SqliteApp>;

public sealed class CohortGeneratorOnPostgres(PostgresApp app) : CohortGeneratorTests(app), IClassFixture<PostgresApp>;
