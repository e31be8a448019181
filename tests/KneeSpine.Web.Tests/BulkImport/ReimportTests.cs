using System.Text.Json.Nodes;
using KneeSpine.Engine.Input;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.BulkImport;

/// <summary>
/// A re-import counts a response whose id is already stored as present before reading it (ADR-167), on both
/// databases: the stored assessment is left exactly as it was, while a bad response that was never stored is still
/// reported by its line number and the good new lines beside it are stored.
/// </summary>
public abstract class ReimportTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stored_response_is_present_whatever_its_line_says_now_and_a_new_bad_line_is_still_reported()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var patient = $"re-{run}";
        var surgery = new DateOnly(2026, 5, 11);
        var first = new NdjsonFile()
            .Patient(patient, new DateOnly(1950, 2, 3), Sex.Female)
            .Response($"re-{run}-14", patient, Inputs.Valid(surgery.AddDays(14), daysSinceSurgery: 14, backPain: 4));
        var imported = await first.ImportAsync(fixture.App);
        Assert.Empty(imported.Errors);
        Assert.Equal(2, imported.Imported);
        var before = await StoredAsync(patient);

        // The stored response's line, now changed so that it would not import (an in-progress response); a new
        // response with the same problem; and a good new one.
        var second = new NdjsonFile()
            .Raw(Changed(first.Lines[1], "in-progress"))
            .Raw(Changed(new NdjsonFile().Response($"re-{run}-28-bad", patient, Inputs.Valid(surgery.AddDays(28), daysSinceSurgery: 28)).Lines[0], "in-progress"))
            .Response($"re-{run}-42", patient, Inputs.Valid(surgery.AddDays(42), daysSinceSurgery: 42, backPain: 2));
        var again = await second.ImportAsync(fixture.App);

        Assert.Equal(1, again.AlreadyPresent);
        Assert.Equal(1, again.Imported);
        var error = Assert.Single(again.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("completed", error.Message, StringComparison.Ordinal);
        var after = await StoredAsync(patient);
        Assert.Equal(2, after.Count);
        Assert.Equal(before[0], after[0]);
    }

    private static string Changed(string line, string status)
    {
        var node = JsonNode.Parse(line)!;
        node["status"] = status;
        return node.ToJsonString();
    }

    private Task<List<string>> StoredAsync(string fhirPatient) =>
        fixture.App.WithServiceAsync<KneeSpineDbContext, List<string>>(async db =>
        {
            var id = Web.Fhir.Bulk.FhirBulkImport.StoreId("Patient", fhirPatient);
            var rows = await db.Assessments.AsNoTracking().Where(a => a.PatientId == id).OrderBy(a => a.AssessedOn).ToListAsync(Cancel);
            return [.. rows.Select(a => $"{a.Id} {a.AssessedOn} {a.BackPainNow} {a.Triage} {a.InputJson} {a.ResultJson}")];
        });
}

public sealed class ReimportOnSqlite(SqliteApp app) : ReimportTests(app), IClassFixture<SqliteApp>;

public sealed class ReimportOnPostgres(PostgresApp app) : ReimportTests(app), IClassFixture<PostgresApp>;
