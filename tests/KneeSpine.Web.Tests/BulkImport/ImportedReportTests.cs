using System.Text.Json.Nodes;
using KneeSpine.Engine.Input;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Reports;
using KneeSpine.Web.Tests.Infrastructure;
using KneeSpine.Web.Tests.Reports;

namespace KneeSpine.Web.Tests.BulkImport;

/// <summary>
/// Assessments brought in by the bulk import (<c>kneespine import</c>, on PostgreSQL by COPY) count in the outcomes
/// report exactly as the same answers entered through the API do, on both databases.
/// </summary>
public abstract class ImportedReportTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Imported_assessments_give_the_same_report_as_the_same_answers_entered_through_the_api()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        // The same cohort twice, a week apart: through the API after one surgery date, imported after the other.
        var entered = new DateOnly(2026, 4, 6);
        var imported = entered.AddDays(7);
        var birthDate = new DateOnly(1952, 9, 20);
        var file = new NdjsonFile();
        var run = Guid.NewGuid().ToString("N")[..8];
        var responses = 0;
        for (var i = 0; i < 7; i++)
        {
            var sex = i % 3 == 0 ? "male" : "female";
            var anesthesia = i % 2 == 0 ? "spinal" : "general";
            var patient = await ReportCohort.PatientAsync(clinician, Inputs.Date(birthDate), sex);
            var fhirPatient = $"imp-{run}-{i}";
            foreach (var (day, pain) in new[] { (14, i), (42, 9 - i), (90, i / 2) }.Take(i < 4 ? 3 : 2))
            {
                await ReportCohort.AssessAsync(clinician, patient, entered, day, pain, sex, anesthesia, Change(i, day));
                var input = Inputs.Valid(imported.AddDays(day), daysSinceSurgery: day, backPain: pain);
                input["patient"]!["sex"] = sex;
                input["surgery"]!["anesthesia"] = anesthesia;
                Change(i, day)?.Invoke(input);
                // Responses before their patient, as a file ordered by type may come: the import defers them.
                file.Response($"qr-{run}-{i}-{day}", fhirPatient, input);
                responses++;
            }

            file.Patient(fhirPatient, birthDate, sex == "male" ? Sex.Male : Sex.Female);
        }

        var outcome = await file.ImportAsync(App);

        Assert.Empty(outcome.Errors);
        Assert.Equal(7 + responses, outcome.Imported);
        var api = await BuildAsync(new ReportFilter { From = entered, To = entered });
        var bulk = await BuildAsync(new ReportFilter { From = imported, To = imported });
        Assert.Equal(7L, bulk.Patients);
        Assert.Equal(responses, bulk.Assessments);
        Assert.Equal(ReportJson.ToJson(api)["tables"]!.ToJsonString(), ReportJson.ToJson(bulk)["tables"]!.ToJsonString());
        // The fever answer is in both, so the tables compared above are not empty ones.
        Assert.Contains(bulk.Table(ReportTables.Alerts)!.Rows, r => r[2].Text != "0");
    }

    /// <summary>Some answers that fire alerts and factors, the same in both cohorts.</summary>
    private static Action<JsonObject>? Change(int patient, int day) => (patient, day) switch
    {
        (0, 42) => input => input["redFlags"]!["feverOrChills"] = true,
        (1, 14) => input => input["backPain"]!["painBelowKnee"] = true,
        _ => null,
    };

    private Task<OutcomesReport> BuildAsync(ReportFilter filter) =>
        App.WithServiceAsync<ReportService, OutcomesReport>(reports => reports.BuildAsync(filter, Cancel));
}

public sealed class ImportedReportsOnSqlite(SqliteApp app) : ImportedReportTests(app), IClassFixture<SqliteApp>;

public sealed class ImportedReportsOnPostgres(PostgresApp app) : ImportedReportTests(app), IClassFixture<PostgresApp>;
