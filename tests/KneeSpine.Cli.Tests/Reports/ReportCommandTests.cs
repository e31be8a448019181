using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KneeSpine.Cli.Tests.Accounts;

namespace KneeSpine.Cli.Tests.Reports;

/// <summary><c>kneespine demo generate</c> and <c>kneespine report</c> on fresh SQLite data directories.</summary>
public sealed partial class ReportCommandTests
{
    [Fact]
    public async Task Generate_is_deterministic_for_a_seed_and_the_report_counts_what_it_wrote()
    {
        using var first = new TempDataDirectory();
        using var second = new TempDataDirectory();

        var one = await CliRun.RunAsync("demo", "generate", "--patients", "40", "--seed", "5", "--data", first.Path);
        var two = await CliRun.RunAsync("demo", "generate", "--patients", "40", "--seed", "5", "--data", second.Path);

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(two.ExitCode == 0, two.Error);
        var written = GeneratedLine().Match(one.Output);
        Assert.True(written.Success, one.Output);
        Assert.Equal("40", written.Groups["patients"].Value);

        var reportOne = await ReportJsonAsync(first.Path);
        var reportTwo = await ReportJsonAsync(second.Path);
        Assert.Equal(40, reportOne["patients"]!.GetValue<long>());
        Assert.Equal(long.Parse(written.Groups["assessments"].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), reportOne["assessments"]!.GetValue<long>());
        Assert.Equal(reportOne["tables"]!.ToJsonString(), reportTwo["tables"]!.ToJsonString());
        Assert.NotNull(reportOne["dataAsOf"]);

        var again = await CliRun.RunAsync("demo", "generate", "--patients", "40", "--seed", "5", "--data", first.Path);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--seed", again.Error, StringComparison.Ordinal);
        Assert.Equal(40, (await ReportJsonAsync(first.Path))["patients"]!.GetValue<long>());
    }

    [Fact]
    public async Task Table_and_csv_formats_print_the_same_suppressed_tables()
    {
        using var data = new TempDataDirectory();
        Assert.Equal(0, (await CliRun.RunAsync("demo", "generate", "--patients", "30", "--seed", "9", "--data", data.Path)).ExitCode);

        var table = await CliRun.RunAsync("report", "--data", data.Path);
        var csv = await CliRun.RunAsync("report", "--format", "csv", "--table", "phq-2", "--data", data.Path);
        var json = await ReportJsonAsync(data.Path);

        Assert.True(table.ExitCode == 0, table.Error);
        Assert.StartsWith("Patients: 30", table.Output, StringComparison.Ordinal);
        Assert.Contains("Back pain (0-10) by week since surgery", table.Output, StringComparison.Ordinal);
        Assert.True(csv.ExitCode == 0, csv.Error);
        var lines = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("Score,Assessments,Of those scored (%)", lines[0]);
        var rows = json["tables"]!["phq-2"]!["rows"]!.AsArray();
        Assert.Equal(rows.Count, lines.Length - 1);
        for (var i = 0; i < rows.Count; i++)
        {
            var count = rows[i]![1]!;
            var shown = count.GetValueKind() == System.Text.Json.JsonValueKind.String ? count.GetValue<string>() : count.GetValue<double>().ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(shown, lines[i + 1].Split(',')[1]);
            // Nothing from 1 to 4 is ever printed as a count.
            Assert.False(double.TryParse(shown, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and < 5, $"row {i}: {shown}");
        }
    }

    [Theory]
    [InlineData("--sex", "woman")]
    [InlineData("--from", "2026-13-01")]
    [InlineData("--format", "xml")]
    [InlineData("--age", "70")]
    public async Task A_wrong_argument_exits_2_naming_the_option(string option, string value)
    {
        using var data = new TempDataDirectory();

        var run = await CliRun.RunAsync("report", option, value, "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace, run.Error);
    }

    [Fact]
    public async Task To_before_from_exits_2_naming_to()
    {
        using var data = new TempDataDirectory();

        var run = await CliRun.RunAsync("report", "--from", "2026-06-01", "--to", "2026-05-01", "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--to", run.Error, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> ReportJsonAsync(string data)
    {
        var run = await CliRun.RunAsync("report", "--format", "json", "--data", data);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonNode.Parse(run.Output)!.AsObject();
    }

    [GeneratedRegex(@"Generated (?<patients>[\d,]+) patients and (?<assessments>[\d,]+) assessments")]
    private static partial Regex GeneratedLine();
}
