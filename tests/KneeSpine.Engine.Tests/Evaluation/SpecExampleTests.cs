using System.Text.Json.Nodes;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Tests.Evaluation;

/// <summary>
/// Every worked example of spec/examples: the input read from its file and evaluated, compared with
/// the example's summary (triage, alert ids, factor ids with certainty, plan ids in order, derived
/// values and scores). The summaries hold no texts, triggeredBy or sources, so only their fields are compared.
/// </summary>
public sealed class SpecExampleTests
{
    public static TheoryData<string> Examples => RepositorySpec.ExampleNameData;

    [Fact]
    public void All_ten_examples_of_version_2_are_present() =>
        Assert.Equal(10, RepositorySpec.ExampleNames.Count);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_gives_its_expected_summary(string example)
    {
        var read = AssessmentInputReader.Read(RepositorySpec.ExampleInput(example));
        Assert.True(read.Input is not null, string.Join("; ", read.Errors.Select(e => $"{e.Path}: {e.Message}")));
        var expected = JsonNode.Parse(RepositorySpec.ExampleExpected(example))!.AsObject();
        var result = JsonNode.Parse(AssessmentResultJson.ToJson(AssessmentEvaluator.Default.Evaluate(read.Input)))!.AsObject();

        foreach (var (name, value) in expected)
        {
            var actual = name switch
            {
                "triage" => result["triage"]!["level"],
                "alerts" or "plan" => new JsonArray([.. result[name]!.AsArray().Select(item => JsonValue.Create(item!["id"]!.GetValue<string>()))]),
                "factors" => new JsonArray([.. result["factors"]!.AsArray().Select(f => new JsonObject { ["id"] = f!["id"]!.GetValue<string>(), ["certainty"] = f["certainty"]!.GetValue<string>() })]),
                _ => result[name],
            };
            Assert.True(JsonNode.DeepEquals(value, actual), $"{example}: {name} expected {value?.ToJsonString()} but was {actual?.ToJsonString()}");
        }
    }

    [Fact]
    public void Example_summaries_hold_only_summary_fields()
    {
        string[] fields = ["triage", "alerts", "factors", "plan", "daysSinceSurgery", "painSeverity", "bodyMassIndex", "scores"];
        Assert.All(RepositorySpec.ExampleNames, example =>
            Assert.Equal(fields, JsonNode.Parse(RepositorySpec.ExampleExpected(example))!.AsObject().Select(p => p.Key)));
    }
}
