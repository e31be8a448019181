using System.Text;

namespace KneeSpine.Cli.Tests.Assess;

public sealed class ReportTests
{
    private const string Emergency = "02-cauda-equina-on-anticoagulant";

    private static string FirstLine(string text) => text.Split('\n').First(l => l.Any(char.IsLetter));

    [Fact]
    public async Task An_emergency_is_the_first_thing_in_the_report_in_capitals()
    {
        var run = await CliRun.RunAsync("assess", RepositorySpec.InputOf(Emergency));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("EMERGENCY: CALL EMERGENCY SERVICES", FirstLine(run.Output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_is_in_order_triage_alerts_factors_plan_then_the_disclaimer_last()
    {
        var run = await CliRun.RunAsync("assess", RepositorySpec.InputOf(Emergency));
        var output = run.Output;

        int At(string text) => output.IndexOf(text, StringComparison.Ordinal);
        Assert.True(At("EMERGENCY") < At("WARNING SIGNS"));
        Assert.True(At("WARNING SIGNS") < At("[cauda-equina-syndrome]"));
        Assert.True(At("[cauda-equina-syndrome]") < At("WHAT MAY BE ADDING"));
        Assert.True(At("WHAT MAY BE ADDING") < At("PLAN"));
        Assert.True(At("PLAN") < At("[emergency-care]"));
        Assert.EndsWith("In an emergency, call emergency services.\n", output, StringComparison.Ordinal);
        Assert.Contains("supports, and does not replace, clinical judgement", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_factors_and_plan_items_show_why_and_their_sources()
    {
        var run = await CliRun.RunAsync("assess", RepositorySpec.InputOf("04-fever-after-surgery"));

        Assert.Contains("Why: Fever or chills (redFlags.feverOrChills)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Sources: ahcpr-1994, sea-review", run.Output, StringComparison.Ordinal);
        Assert.Contains("sea-review: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_for_the_clinician_are_shown_when_the_result_has_any()
    {
        var input = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositorySpec.InputOf(Emergency)))!.AsObject();
        input.Remove("medications");

        var run = await CliRun.RunWithInputAsync(input.ToJsonString(), "assess", "-");

        Assert.Equal(0, run.ExitCode);
        var notes = run.Output[run.Output.IndexOf("NOTES FOR THE CLINICIAN", StringComparison.Ordinal)..];
        Assert.Contains("treat spinal epidural haematoma as possible", notes.ReplaceLineEndings(" ").Replace("      ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirected_output_has_no_colour_codes()
    {
        var run = await CliRun.RunAsync(Encoding.UTF8.GetBytes(File.ReadAllText(RepositorySpec.InputOf(Emergency))), terminal: false, noColor: false, "assess", "-");

        Assert.DoesNotContain('\u001b', run.Output);
    }

    [Fact]
    public async Task A_terminal_gets_the_emergency_in_red_capitals()
    {
        var run = await CliRun.RunAsync(Encoding.UTF8.GetBytes(File.ReadAllText(RepositorySpec.InputOf(Emergency))), terminal: true, noColor: false, "assess", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains('\u001b', run.Output);
        var banner = run.Output[..run.Output.IndexOf("WARNING SIGNS", StringComparison.OrdinalIgnoreCase)];
        Assert.Contains("CALL EMERGENCY SERVICES", banner, StringComparison.Ordinal);
        Assert.Matches(@"\u001b\[[0-9;]*;(41|101)m[^\u001b]*CALL EMERGENCY SERVICES", banner);
    }

    [Fact]
    public async Task No_colour_on_a_terminal_when_NO_COLOR_is_set()
    {
        var run = await CliRun.RunAsync(Encoding.UTF8.GetBytes(File.ReadAllText(RepositorySpec.InputOf(Emergency))), terminal: true, noColor: true, "assess", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.Contains("EMERGENCY: CALL EMERGENCY SERVICES", FirstLine(run.Output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_explains_the_input_points_to_the_schema_and_gives_an_example()
    {
        var run = await CliRun.RunAsync("assess", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("assessment-input.schema.json", run.Output, StringComparison.Ordinal);
        Assert.Contains("kneespine assess visit.json", run.Output, StringComparison.Ordinal);
        Assert.Contains("never taken as \"no\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("--ndjson", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_the_whole_program_lists_assess()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("assess", run.Output, StringComparison.Ordinal);
        Assert.Contains("does not replace, clinical judgement", run.Output, StringComparison.Ordinal);
    }
}
