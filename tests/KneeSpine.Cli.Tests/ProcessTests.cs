using KneeSpine.Cli.Tests.Processes;

namespace KneeSpine.Cli.Tests;

/// <summary>Runs the real built <c>kneespine</c> executable as a process: standard input, output and exit codes.</summary>
public sealed class ProcessTests
{
    private static Task<(int Code, string Output, string Error)> RunAsync(string? standardInput, params string[] args) =>
        KneeSpineExecutable.RunAsync(standardInput, null, args);

    [Fact]
    public void The_executable_is_beside_the_tests()
    {
        Assert.True(File.Exists(KneeSpineExecutable.Path), KneeSpineExecutable.Path);
    }

    [Fact]
    public async Task Reading_standard_input_prints_the_report_and_exits_0()
    {
        var input = await File.ReadAllTextAsync(RepositorySpec.InputOf("02-cauda-equina-on-anticoagulant"), TestContext.Current.CancellationToken);

        var (code, output, error) = await RunAsync(input, "assess", "-");

        Assert.Equal((0, string.Empty), (code, error));
        Assert.StartsWith("!!!", output, StringComparison.Ordinal);
        Assert.Contains("EMERGENCY: GET HELP NOW. CALL AN AMBULANCE", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public async Task Invalid_standard_input_exits_2_naming_the_field()
    {
        var (code, output, error) = await RunAsync("{\"schemaVersion\": 2, \"patient\": {\"ageYears\": \"67\"}}", "assess", "-", "--json");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("\npatient.ageYears: Must be a whole number from 18 to 120, but is the text \"67\".", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        var (code, _, error) = await RunAsync(null, "assess", "missing-visit.json");

        Assert.Equal(2, code);
        Assert.Equal("kneespine: cannot read 'missing-visit.json': no such file.\n", error);
    }

    [Fact]
    public async Task Ndjson_from_standard_input_writes_one_line_per_line_and_exits_2_when_one_is_bad()
    {
        var line = (await File.ReadAllTextAsync(RepositorySpec.InputOf("01-mild-pain-after-spinal"), TestContext.Current.CancellationToken)).ReplaceLineEndings(" ");

        var (code, output, _) = await RunAsync(line + "\n[]\n" + line + "\n", "assess", "--ndjson", "-");

        Assert.Equal(2, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("{\"line\":2,", lines[1], StringComparison.Ordinal);
        Assert.Equal(lines[0], lines[2]);
    }
}
