using System.Text.Json.Nodes;

namespace KneeSpine.Cli.Tests.Assess;

public sealed class ExitCodeTests
{
    private static string ExampleWith(Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(RepositorySpec.InputOf("01-mild-pain-after-spinal")))!.AsObject();
        edit(node);
        return node.ToJsonString();
    }

    [Fact]
    public async Task A_valid_input_exits_0()
    {
        var run = await CliRun.RunAsync("assess", RepositorySpec.InputOf("01-mild-pain-after-spinal"));

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task A_missing_file_exits_2_with_a_clear_message()
    {
        var run = await CliRun.RunAsync("assess", "/no/such/visit.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read '/no/such/visit.json'", run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace, run.Error);
    }

    [Fact]
    public async Task A_folder_instead_of_a_file_exits_2()
    {
        var run = await CliRun.RunAsync("assess", AppContext.BaseDirectory);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_in_ndjson_mode_exits_2()
    {
        var run = await CliRun.RunAsync("assess", "--ndjson", "/no/such/visits.ndjson");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("assess")]
    [InlineData("assess", "a.json", "b.json")]
    [InlineData("assess", "a.json", "--colour")]
    [InlineData("assess", "a.json", "--json", "--ndjson")]
    [InlineData("triage")]
    [InlineData]
    public async Task Bad_arguments_exit_2_and_point_to_help(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace, run.Error);
    }

    [Fact]
    public async Task Invalid_input_exits_2_and_names_each_bad_field_on_stderr()
    {
        var input = ExampleWith(root =>
        {
            root["patient"]!["ageYears"] = 12;
            root["redFlags"]!.AsObject().Remove("feverOrChills");
        });

        var run = await CliRun.RunWithInputAsync(input, "assess", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("patient.ageYears: Must be from 18 to 120", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("redFlags.feverOrChills: Required, but missing", StringComparison.Ordinal));
        Assert.False(run.PrintedStackTrace, run.Error);
    }

    [Fact]
    public async Task Invalid_input_with_json_exits_2_and_writes_nothing_to_stdout()
    {
        var run = await CliRun.RunWithInputAsync("{\"schemaVersion\": 3}", "assess", "-", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("schemaVersion: Must be 2", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_1_input_exits_2_naming_schemaVersion_and_the_red_flag_questions_to_ask()
    {
        var input = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositorySpec.InputOf("01-mild-pain-after-spinal")))!.AsObject();
        input["schemaVersion"] = 1;
        foreach (var added in new[] { "sciaticaBothLegs", "newLegWeaknessOrNumbness", "suddenSevereBackPain", "coughingBloodOrFainting" })
        {
            input["redFlags"]!.AsObject().Remove(added);
        }

        var run = await CliRun.RunWithInputAsync(input.ToJsonString(), "assess", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        var first = run.Error.Split('\n').First(l => l.StartsWith("schemaVersion:", StringComparison.Ordinal));
        Assert.Contains("Must be 2, but is 1", first, StringComparison.Ordinal);
        Assert.Contains("red-flag questions that must be asked", first, StringComparison.Ordinal);
        Assert.Contains("redFlags.suddenSevereBackPain: Required, but missing", run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace, run.Error);
    }

    [Fact]
    public async Task Text_that_is_not_json_exits_2_with_an_error_at_the_root()
    {
        var run = await CliRun.RunWithInputAsync("hello", "assess", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("$: The input is not valid JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_failure_exits_1_with_a_message_and_no_stack_trace()
    {
        using var input = new MemoryStream();
        using var error = new StringWriter();
        using var console = new CliConsole(input, new MemoryStream(), error, false, false);
        IEnumerable<System.CommandLine.Command> Failing(CliConsole c)
        {
            var command = new System.CommandLine.Command("explode");
            command.SetAction(new Func<System.CommandLine.ParseResult, int>(_ => throw new InvalidOperationException("the disk caught fire")));
            return [command];
        }

        var code = await CliApp.RunAsync(["explode"], console, Failing, TestContext.Current.CancellationToken);

        Assert.Equal(1, code);
        Assert.Equal("kneespine: unexpected failure: the disk caught fire\n", error.ToString());
    }
}
