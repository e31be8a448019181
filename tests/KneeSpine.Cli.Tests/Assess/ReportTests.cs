using System.Text;
using KneeSpine.Engine.Knowledge;

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
        Assert.Contains("EMERGENCY: GET HELP NOW. CALL AN AMBULANCE", FirstLine(run.Output), StringComparison.Ordinal);
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
        Assert.EndsWith("In an emergency, call an ambulance.\n", output, StringComparison.Ordinal);
        Assert.Contains("supports, and does not replace, clinical judgement", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_factors_and_plan_items_show_why_and_their_sources()
    {
        var run = await CliRun.RunAsync("assess", RepositorySpec.InputOf("04-fever-after-surgery"));

        Assert.Contains("Why: Fever ≥ 38.0 °C or rigors (last 2 days)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Sources: Bigos et al. 1994; Darouiche 2006; Finucane et al. 2020", run.Output, StringComparison.Ordinal);
        Assert.Contains("Darouiche 2006: Darouiche RO. Spinal epidural abscess. N Engl J Med 2006;355(19):2012-2020.", run.Output, StringComparison.Ordinal);
        // Readers get titles and citations, never the ids, JSON paths or files behind them.
        Assert.DoesNotContain("redFlags.", run.Output, StringComparison.Ordinal);
        Assert.All(KnowledgeBase.Default.Sources, s => Assert.DoesNotContain(s.Id, run.Output, StringComparison.Ordinal));
        Assert.DoesNotContain(".txt", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questionnaire_scores_are_shown_with_the_back_function_score_labelled_not_validated()
    {
        var input = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositorySpec.InputOf("09-psychological-distress")))!.AsObject();
        input["backFunction"] = new System.Text.Json.Nodes.JsonObject { ["standingUpFromChair"] = 1, ["walking15Minutes"] = 2, ["puttingOnSocksAndShoes"] = 0, ["lightHouseholdJobs"] = 1 };

        var run = await CliRun.RunWithInputAsync(input.ToJsonString(), "assess", "-");

        Assert.Equal(0, run.ExitCode);
        var details = run.Output[run.Output.IndexOf("DETAILS", StringComparison.Ordinal)..].ReplaceLineEndings(" ");
        Assert.Matches(@"PHQ-2 \(mood\): \d of 6", details);
        Assert.Contains("Back function: 4 of 12; higher is more limited; KneeSpine's own items, not a validated score", System.Text.RegularExpressions.Regex.Replace(details, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scores_that_were_not_answered_are_not_shown()
    {
        var run = await CliRun.RunAsync("assess", RepositorySpec.InputOf("04-fever-after-surgery"));

        Assert.DoesNotContain("PHQ-2", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Back function", run.Output, StringComparison.Ordinal);
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
        Assert.Contains("CALL AN AMBULANCE", banner, StringComparison.Ordinal);
        Assert.Matches(@"\u001b\[[0-9;]*;(41|101)m[^\u001b]*CALL AN AMBULANCE", banner);
    }

    [Fact]
    public async Task No_colour_on_a_terminal_when_NO_COLOR_is_set()
    {
        var run = await CliRun.RunAsync(Encoding.UTF8.GetBytes(File.ReadAllText(RepositorySpec.InputOf(Emergency))), terminal: true, noColor: true, "assess", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.Contains("EMERGENCY: GET HELP NOW. CALL AN AMBULANCE", FirstLine(run.Output), StringComparison.Ordinal);
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
        Assert.Contains("schemaVersion (2)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_smallest_valid_input_of_the_help_is_valid()
    {
        var help = (await CliRun.RunAsync("assess", "--help")).Output;
        var start = help.IndexOf("{\"schemaVersion\":2", StringComparison.Ordinal);
        var end = help.IndexOf("}}", start, StringComparison.Ordinal) + 2;
        var example = string.Join(string.Empty, help[start..end].Split('\n').Select(l => l.Trim()));

        var run = await CliRun.RunWithInputAsync(example, "assess", "-", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("\"schemaVersion\": 2", run.Output, StringComparison.Ordinal);
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
