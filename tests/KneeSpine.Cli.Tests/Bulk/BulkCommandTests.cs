using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using KneeSpine.Cli.Tests.Accounts;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Questionnaires;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Cli.Tests.Bulk;

/// <summary><c>kneespine import</c> and <c>kneespine export</c> over FHIR NDJSON, in-process on fresh SQLite data directories.</summary>
public sealed class BulkCommandTests
{
    private static readonly JsonSerializerOptions Compact = new JsonSerializerOptions().ForFhir();

    [Fact]
    public async Task Export_import_into_an_empty_store_and_export_again_gives_the_same_files()
    {
        using var first = new TempDataDirectory();
        using var second = new TempDataDirectory();
        using var files = new TempDataDirectory();
        var source = Path.Combine(files.Path, "source.ndjson");
        // Responses come before the patients they name, and patient ids are not UUIDs: both must still import.
        var examples = RepositorySpec.ExampleNames.Take(4).ToList();
        var lines = examples.Select((e, i) => Line(Response(e, $"p{i}", $"qr-{i}")))
            .Concat(examples.Select((e, i) => Line(FhirAssessmentMapper.ToPatient(new PatientDetails($"p{i}", "Tester", ["Ann", $"Number{i}"], new DateOnly(1950 + i, 5, 1), Sex.Female)))));
        await File.WriteAllLinesAsync(source, lines, TestContext.Current.CancellationToken);
        var exportOne = Path.Combine(files.Path, "one");
        var exportTwo = Path.Combine(files.Path, "two");

        var import = await CliRun.RunAsync("import", source, "--data", first.Path);
        var export = await CliRun.RunAsync("export", "--out", exportOne, "--data", first.Path);
        var combined = Path.Combine(files.Path, "combined.ndjson");
        // Re-imported in reverse type order (responses first), as another system might write it.
        await File.WriteAllLinesAsync(combined, Directory.GetFiles(exportOne, "*.ndjson").OrderDescending(StringComparer.Ordinal).SelectMany(File.ReadLines), TestContext.Current.CancellationToken);
        var reimport = await CliRun.RunAsync("import", combined, "--data", second.Path);
        var exportAgain = await CliRun.RunAsync("export", "--out", exportTwo, "--data", second.Path);

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains($"Imported {examples.Count * 2}", import.Output, StringComparison.Ordinal);
        Assert.Equal(0, export.ExitCode);
        Assert.True(reimport.ExitCode == 0, reimport.Error);
        Assert.Equal(0, exportAgain.ExitCode);
        var names = Directory.GetFiles(exportOne).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("Patient.ndjson", names);
        Assert.Contains("Procedure.ndjson", names);
        Assert.Contains("QuestionnaireResponse.ndjson", names);
        Assert.Contains("RiskAssessment.ndjson", names);
        Assert.Equal(names, Directory.GetFiles(exportTwo).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(exportOne, name!), TestContext.Current.CancellationToken),
                await File.ReadAllTextAsync(Path.Combine(exportTwo, name!), TestContext.Current.CancellationToken));
        }

        Assert.Equal(examples.Count, File.ReadAllLines(Path.Combine(exportOne, "QuestionnaireResponse.ndjson")).Length);
        Assert.All(File.ReadAllLines(Path.Combine(exportOne, "Patient.ndjson")), line => Assert.IsType<Patient>(JsonSerializer.Deserialize<Resource>(line, Compact)));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_stores_nothing_new()
    {
        using var data = new TempDataDirectory();
        using var files = new TempDataDirectory();
        var source = Path.Combine(files.Path, "twice.ndjson");
        await File.WriteAllLinesAsync(source, [Line(Patient("p1")), Line(Response(RepositorySpec.ExampleNames[0], "p1", "qr-1"))], TestContext.Current.CancellationToken);

        await CliRun.RunAsync("import", source, "--data", data.Path);
        var again = await CliRun.RunAsync("import", source, "--data", data.Path);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Imported 0, already present 2", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_lines_are_reported_by_number_the_rest_is_imported_and_the_exit_code_is_2()
    {
        using var data = new TempDataDirectory();
        using var files = new TempDataDirectory();
        var source = Path.Combine(files.Path, "mixed.ndjson");
        var unanswered = Response(RepositorySpec.ExampleNames[0], "p1", "qr-bad");
        unanswered.Item.Single(i => i.LinkId == "section:redFlags").Item.RemoveAll(i => i.LinkId == "redFlags.feverOrChills");
        await File.WriteAllLinesAsync(source,
        [
            Line(Patient("p1")),
            "{ not json",
            Line(unanswered),
            Line(new Observation { Id = "derived", Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "72514-3") }),
            Line(new Medication { Id = "m1" }),
            Line(Response(RepositorySpec.ExampleNames[1], "p1", "qr-good")),
            Line(Response(RepositorySpec.ExampleNames[1], "nobody", "qr-orphan")),
        ], TestContext.Current.CancellationToken);
        var exported = Path.Combine(files.Path, "out");

        var run = await CliRun.RunAsync("import", source, "--data", data.Path);
        await CliRun.RunAsync("export", "--out", exported, "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        var reported = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["line 2", "line 3", "line 5", "line 7"], reported.Select(r => r.Split(':')[1].Trim()[("mixed.ndjson ".Length)..]));
        Assert.Contains(reported, r => r.Contains("line 3", StringComparison.Ordinal) && r.Contains("redFlags.feverOrChills", StringComparison.Ordinal));
        Assert.Contains("Imported 2, already present 0, skipped (derived) 1, bad lines 4", run.Output, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace);
        Assert.Single(File.ReadAllLines(Path.Combine(exported, "QuestionnaireResponse.ndjson")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task On_a_terminal_import_and_export_draw_a_progress_bar_on_standard_error_and_elsewhere_nothing(bool noColor)
    {
        using var data = new TempDataDirectory();
        using var files = new TempDataDirectory();
        var source = Path.Combine(files.Path, "progress.ndjson");
        await File.WriteAllLinesAsync(source, [Line(Patient("p1")), Line(Response(RepositorySpec.ExampleNames[0], "p1", "qr-1"))], TestContext.Current.CancellationToken);

        var onTerminal = await CliRun.RunAsync([], terminal: true, noColor, "import", source, "--data", data.Path);
        var exported = await CliRun.RunAsync([], terminal: true, noColor, "export", "--out", Path.Combine(files.Path, "out"), "--data", data.Path);
        var piped = await CliRun.RunAsync("import", source, "--data", data.Path);

        Assert.Equal(0, onTerminal.ExitCode);
        Assert.Contains("Importing progress.ndjson", onTerminal.Error, StringComparison.Ordinal);
        Assert.Contains("100%", onTerminal.Error, StringComparison.Ordinal);
        Assert.Contains("━", onTerminal.Error, StringComparison.Ordinal);
        // NO_COLOR: the bar is drawn, without colour (SGR colour codes such as ESC[32m).
        Assert.Equal(!noColor, System.Text.RegularExpressions.Regex.IsMatch(onTerminal.Error, "\\u001b\\[(?:[0-9]+;)*(?:3[0-8]|9[0-7])(?:;[0-9]+)*m"));
        Assert.Contains("Imported 2", onTerminal.Output, StringComparison.Ordinal);
        Assert.Equal(0, exported.ExitCode);
        Assert.Contains("100%", exported.Error, StringComparison.Ordinal);
        Assert.Equal(0, piped.ExitCode);
        Assert.Equal("", piped.Error);
        Assert.Contains("already present 2", piped.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        using var data = new TempDataDirectory();

        var run = await CliRun.RunAsync("import", Path.Combine(data.Path, "absent.ndjson"), "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    private static Patient Patient(string id) =>
        FhirAssessmentMapper.ToPatient(new PatientDetails(id, "Tester", ["Bo"], new DateOnly(1951, 2, 3), Sex.Male));

    private static QuestionnaireResponse Response(string example, string patientId, string id)
    {
        var input = AssessmentInputReader.Read(File.ReadAllBytes(RepositorySpec.InputOf(example))).Input!;
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input, "Patient/" + patientId,
            new DateTimeOffset(input.AssessedOn.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero));
        response.Id = id;
        return response;
    }

    private static string Line(Resource resource) => JsonSerializer.Serialize(resource, Compact);
}
