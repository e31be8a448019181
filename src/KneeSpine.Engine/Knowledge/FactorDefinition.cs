namespace KneeSpine.Engine.Knowledge;

/// <summary>A contributing factor of the factors table: a probable contributor, not a diagnosis.</summary>
/// <param name="Id">Stable factor id, e.g. <c>insomnia</c>.</param>
/// <param name="Title">Short plain-language title.</param>
/// <param name="SeedHeading">The heading of the seed article this factor makes testable.</param>
/// <param name="Explanation">Plain-language explanation with the evidence figures.</param>
/// <param name="Sources">Ids of the sources cited, at least one.</param>
/// <param name="Variants">Named text fragments for dynamic conditions (e.g. <c>high-bmi</c> on <c>comorbidity</c>).</param>
public sealed record FactorDefinition(
    string Id,
    string Title,
    string SeedHeading,
    string Explanation,
    IReadOnlyList<string> Sources,
    IReadOnlyList<TextVariant> Variants) : IKnowledgeItem;
