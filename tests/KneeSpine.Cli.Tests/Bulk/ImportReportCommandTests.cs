using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using KneeSpine.Cli.Tests.Accounts;
using KneeSpine.Cli.Tests.Processes;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Web.Reports;
using KneeSpine.Web.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Cli.Tests.Bulk;

/// <summary>
/// The real <c>kneespine import</c> writes report rows: <c>kneespine report</c> counts what it imported, on SQLite and on
/// PostgreSQL (by COPY); and on a database without report rows <c>kneespine report</c> backfills them first (ADR-150).
/// </summary>
public sealed class ImportReportCommandTests
{
    private static readonly JsonSerializerOptions Compact = new JsonSerializerOptions().ForFhir();

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Kneespine_report_counts_what_kneespine_import_stored(TestDatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        using var files = new TempDataDirectory();
        var environment = ServerProcess.EnvironmentFor(database);
        var example = RepositorySpec.ExampleNames[0];
        var input = AssessmentInputReader.Read(File.ReadAllBytes(RepositorySpec.InputOf(example))).Input!;
        var expected = JsonNode.Parse(File.ReadAllText(RepositorySpec.ExpectedOf(example)))!;
        var source = Path.Combine(files.Path, "six.ndjson");
        var lines = Enumerable.Range(0, 6).SelectMany(i => new[]
        {
            Line(FhirAssessmentMapper.ToPatient(new PatientDetails($"six-{i}", "Six", ["Pat"], new DateOnly(1950, 1, 1 + i), Sex.Female))),
            Line(Response(input, $"six-{i}", $"six-qr-{i}")),
        });
        await File.WriteAllLinesAsync(source, lines, TestContext.Current.CancellationToken);

        var import = await KneeSpineExecutable.RunAsync(null, environment, "import", source, "--data", database.DataDirectory);
        var report = await KneeSpineExecutable.RunAsync(null, environment, "report", "--format", "json", "--data", database.DataDirectory);

        Assert.True(import.Code == 0, import.Error);
        Assert.Contains("Imported 12", import.Output, StringComparison.Ordinal);
        Assert.True(report.Code == 0, report.Error);
        var json = JsonNode.Parse(report.Output)!;
        Assert.Equal(6, json["patients"]!.GetValue<long>());
        Assert.Equal(6, json["assessments"]!.GetValue<long>());
        var week = expected["daysSinceSurgery"]!.GetValue<int>() / 7;
        var course = json["tables"]![ReportTables.PainCourse]!["rows"]![week]!.AsArray();
        Assert.Equal(6, course[1]!.GetValue<double>());
        Assert.Equal(input.BackPain.IntensityNow.Value, course[3]!.GetValue<double>());
        var mix = json["tables"]![ReportTables.TriageByWeek]!;
        var level = mix["columns"]!.AsArray().Select(c => c!.GetValue<string>()).ToList().IndexOf(expected["triage"]!.GetValue<string>());
        Assert.True(level > 0, mix.ToJsonString());
        Assert.Equal(6, mix["rows"]![week]![level]!.GetValue<double>());
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Kneespine_report_on_a_database_without_report_rows_backfills_them_first(TestDatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var environment = ServerProcess.EnvironmentFor(database);
        var generate = await KneeSpineExecutable.RunAsync(null, environment, "demo", "generate", "--patients", "30", "--seed", "4", "--data", database.DataDirectory);
        Assert.True(generate.Code == 0, generate.Error);
        var before = JsonNode.Parse((await KneeSpineExecutable.RunAsync(null, environment, "report", "--format", "json", "--data", database.DataDirectory)).Output)!;
        // What an upgrade from a version without reports leaves: assessments, and no report rows.
        await using (var connection = database.Provider == Store.Database.DatabaseProvider.Postgres
            ? (System.Data.Common.DbConnection)new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM \"ReportFindings\"; DELETE FROM \"ReportRows\";";
            Assert.True(await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken) > 0);
        }

        var after = await KneeSpineExecutable.RunAsync(null, environment, "report", "--format", "json", "--data", database.DataDirectory);

        Assert.True(after.Code == 0, after.Error);
        var json = JsonNode.Parse(after.Output)!;
        Assert.Equal(30, json["patients"]!.GetValue<long>());
        Assert.True(before["assessments"]!.GetValue<long>() > 30);
        Assert.Equal(before["assessments"]!.GetValue<long>(), json["assessments"]!.GetValue<long>());
        Assert.Equal(before["tables"]!.ToJsonString(), json["tables"]!.ToJsonString());
    }

    private static QuestionnaireResponse Response(AssessmentInput input, string patientId, string id)
    {
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input, "Patient/" + patientId,
            new DateTimeOffset(input.AssessedOn.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero));
        response.Id = id;
        return response;
    }

    private static string Line(Resource resource) => JsonSerializer.Serialize(resource, Compact);
}
