using System.Text.Json.Nodes;

namespace KneeSpine.Fhir.Tests.Support;

/// <summary>An example's expected outcome from the spec examples (ids only).</summary>
internal sealed record Expected(string Triage, IReadOnlyList<string> Alerts, IReadOnlyList<string> Factors, IReadOnlyList<string> Plan)
{
    public static Expected For(string example)
    {
        var json = JsonNode.Parse(RepositorySpec.ExampleExpected(example))!;
        return new Expected(
            json["triage"]!.GetValue<string>(),
            [.. json["alerts"]!.AsArray().Select(a => a!.GetValue<string>())],
            [.. json["factors"]!.AsArray().Select(f => f!["id"]!.GetValue<string>())],
            [.. json["plan"]!.AsArray().Select(p => p!.GetValue<string>())]);
    }
}
