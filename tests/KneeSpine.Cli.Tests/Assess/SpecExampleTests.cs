using System.Text.Json;

namespace KneeSpine.Cli.Tests.Assess;

/// <summary>Each example of the specification (spec/examples), run through <c>kneespine assess FILE --json</c>, gives the expected result.</summary>
public sealed class SpecExampleTests
{
    public static TheoryData<string> Examples() => [.. RepositorySpec.ExampleNames];

    [Fact]
    public void The_specification_has_its_ten_examples()
    {
        Assert.Equal(10, RepositorySpec.ExampleNames.Count);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Assess_json_gives_the_expected_triage_alerts_factors_plan_and_derived_values(string example)
    {
        var run = await CliRun.RunAsync("assess", RepositorySpec.InputOf(example), "--json");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        using var actual = JsonDocument.Parse(run.Output);
        using var expected = JsonDocument.Parse(File.ReadAllBytes(RepositorySpec.ExpectedOf(example)));
        var a = actual.RootElement;
        var e = expected.RootElement;

        Assert.Equal(e.GetProperty("triage").GetString(), a.GetProperty("triage").GetProperty("level").GetString());
        Assert.Equal(Strings(e.GetProperty("alerts")), a.GetProperty("alerts").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        Assert.Equal(
            e.GetProperty("factors").EnumerateArray().Select(x => (x.GetProperty("id").GetString(), x.GetProperty("certainty").GetString())),
            a.GetProperty("factors").EnumerateArray().Select(x => (x.GetProperty("id").GetString(), x.GetProperty("certainty").GetString())));
        Assert.Equal(Strings(e.GetProperty("plan")), a.GetProperty("plan").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        Assert.Equal(e.GetProperty("daysSinceSurgery").GetInt32(), a.GetProperty("daysSinceSurgery").GetInt32());
        Assert.Equal(e.GetProperty("painSeverity").GetString(), a.GetProperty("painSeverity").GetString());
        Assert.Equal(Number(e.GetProperty("bodyMassIndex")), Number(a.GetProperty("bodyMassIndex")));
        Assert.True(
            System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(e.GetProperty("scores").GetRawText()), System.Text.Json.Nodes.JsonNode.Parse(a.GetProperty("scores").GetRawText())),
            $"scores: expected {e.GetProperty("scores").GetRawText()}, got {a.GetProperty("scores").GetRawText()}");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_full_result_json_matches_its_golden_file(string example)
    {
        var run = await CliRun.RunAsync("assess", RepositorySpec.InputOf(example), "--json");

        Assert.Equal(0, run.ExitCode);
        GoldenFile.AssertMatches(example + ".result.json", run.Output);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_report_to_read_matches_its_golden_file(string example)
    {
        var run = await CliRun.RunAsync("assess", RepositorySpec.InputOf(example));

        Assert.Equal(0, run.ExitCode);
        GoldenFile.AssertMatches(example + ".report.txt", run.Output);
    }

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(x => x.GetString());

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
}
