using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Knowledge;

/// <summary>An alert (red flag or reason for review) of the alerts table.</summary>
/// <param name="Id">Stable alert id, e.g. <c>possible-spinal-infection</c>.</param>
/// <param name="Level">Its level: emergency, urgent or soon (never self-care).</param>
/// <param name="Title">Short plain-language title for lists and cards.</param>
/// <param name="Explanation">Plain-language explanation with the evidence figures; the text results carry.</param>
/// <param name="ClinicianText">Technical note for the clinician.</param>
/// <param name="Sources">Ids of the sources cited, at least one.</param>
/// <param name="Variants">Named text fragments for dynamic conditions; usually empty.</param>
public sealed record AlertDefinition(
    string Id,
    TriageLevel Level,
    string Title,
    string Explanation,
    string ClinicianText,
    IReadOnlyList<string> Sources,
    IReadOnlyList<TextVariant> Variants) : IKnowledgeItem;
