using System.Text.Json;
using KneeSpine.Engine.Input;
using KneeSpine.Store.Database;
using KneeSpine.Web.Fhir.Bulk;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Tests.BulkImport;

/// <summary>
/// The bulk import's two ways of storing a batch store the same rows: the bulk path (PostgreSQL binary COPY, ADR-151;
/// SQLite prepared inserts, ADR-166) and EF Core's <c>SaveChanges</c> (<c>KneeSpine:Import:PostgresCopy</c> and
/// <c>SqliteDirectInserts</c> false), each into its own fresh database, with lines before their patient, bad lines, an
/// update of patients already stored and a re-import.
/// </summary>
public abstract class CopyImportTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Copy_and_save_changes_store_the_same_rows_report_the_same_lines_and_reimport_nothing()
    {
        var surgery = new DateOnly(2026, 5, 11);
        var first = new NdjsonFile();
        var second = new NdjsonFile();
        for (var i = 0; i < 9; i++)
        {
            var patient = $"copy-{i}";
            var input = Inputs.Valid(surgery.AddDays(14), daysSinceSurgery: 14, backPain: i);
            if (i == 2)
            {
                input["redFlags"]!["feverOrChills"] = true;
            }

            // Odd patients' response and procedure come before the patient line, even ones' after it.
            if (i % 2 == 1)
            {
                first.Response($"copy-qr-{i}", patient, input).Procedure(patient, new SurgeryInfo(surgery, Anesthesia.Spinal) { Side = SurgerySide.Left });
            }

            first.Patient(patient, new DateOnly(1948 + i, 3, 1), i % 2 == 0 ? Sex.Female : Sex.Male);
            if (i % 2 == 0)
            {
                first.Response($"copy-qr-{i}", patient, input);
            }

            // A later check-in for patients already stored: the patient's surgery details are updated in the same transaction.
            var later = Inputs.Valid(surgery.AddDays(42), daysSinceSurgery: 42, backPain: 8 - i);
            later["surgery"]!["side"] = "right";
            second.Response($"copy-qr-{i}-later", patient, later);
        }

        first.Raw("{ \"resourceType\": \"Patient\", \"id\": \"no-birth-date\", \"gender\": \"female\" }");
        first.Raw("{ not json");

        var copied = await ImportBothFilesAsync(first, second, copy: true);
        var saved = await ImportBothFilesAsync(first, second, copy: false);

        Assert.Equal(Json(saved.Reports), Json(copied.Reports));
        Assert.Equal(saved.Rows, copied.Rows);
        var (one, two, again) = (copied.Reports[0], copied.Reports[1], copied.Reports[2]);
        Assert.Equal([first.Lines.Count - 1, first.Lines.Count], one.Errors.Select(e => e.Line));
        Assert.Equal(9 + 4 + 9, one.Imported);
        Assert.Equal(9, two.Imported);
        Assert.Equal(0, again.Imported);
        Assert.Equal(9 + 4 + 9, again.AlreadyPresent);
        // The rows are really there (not two empty sets compared), with the report rows written beside them.
        Assert.Equal(18, JsonDocument.Parse(copied.Rows[1]).RootElement.GetArrayLength());
        Assert.Equal(18, JsonDocument.Parse(copied.Rows[2]).RootElement.GetArrayLength());
        Assert.Contains("possible-spinal-infection", copied.Rows[3], StringComparison.Ordinal);
        Assert.All(JsonDocument.Parse(copied.Rows[0]).RootElement.EnumerateArray(), p => Assert.Equal((int)SurgerySide.Right, p.GetProperty("SurgerySide").GetInt32()));
    }

    private async Task<(List<ImportReport> Reports, string[] Rows)> ImportBothFilesAsync(NdjsonFile first, NdjsonFile second, bool copy)
    {
        await using var database = await TestDatabase.CreateAsync(fixture.Kind);
        await using var app = TestApp.Start(database, new Dictionary<string, string?>
        {
            ["KneeSpine:Import:PostgresCopy"] = copy ? "true" : "false",
            ["KneeSpine:Import:SqliteDirectInserts"] = copy ? "true" : "false",
        });
        // The switch really reached the importer (else both runs would take the same path and prove nothing).
        Assert.Equal(copy, await app.WithServiceAsync<IOptions<ImportOptions>, bool>(o => Task.FromResult(o.Value.PostgresCopy && o.Value.SqliteDirectInserts)));
        List<ImportReport> reports = [await first.ImportAsync(app), await second.ImportAsync(app), await first.ImportAsync(app)];
        var rows = await app.WithServiceAsync<KneeSpineDbContext, string[]>(async db =>
        [
            Json(await db.Patients.AsNoTracking().OrderBy(p => p.Name).ToListAsync(Cancel)),
            Json(await db.Assessments.AsNoTracking().OrderBy(a => a.AssessedOn).ThenBy(a => a.BackPainNow).ToListAsync(Cancel)),
            Json(await db.ReportRows.AsNoTracking().OrderBy(r => r.AssessedOn).ThenBy(r => r.BackPain).ToListAsync(Cancel)),
            Json((await db.ReportFindings.AsNoTracking().ToListAsync(Cancel)).Select(f => $"{f.SeriesId} {f.Kind} {f.FindingId}").Order(StringComparer.Ordinal)),
        ]);
        return (reports, rows);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}

public sealed class CopyImportOnSqlite(SqliteApp app) : CopyImportTests(app), IClassFixture<SqliteApp>;

public sealed class CopyImportOnPostgres(PostgresApp app) : CopyImportTests(app), IClassFixture<PostgresApp>;
