namespace KneeSpine.Engine.Knowledge;

/// <summary>An item of the plan table.</summary>
/// <param name="Id">Stable plan-item id, e.g. <c>heat-therapy</c>.</param>
/// <param name="Title">Short plain-language title.</param>
/// <param name="PatientText">What to do, in the patient's words.</param>
/// <param name="ClinicianText">Technical notes for the clinician, when any.</param>
/// <param name="Sources">
/// Ids of the sources cited. For the triage items (<c>emergency-care</c>, <c>contact-care-team-today</c>,
/// <c>book-clinician-review</c>) this is every source of the alerts of that level; a result cites only
/// the sources of the alerts that fired.
/// </param>
/// <param name="Variants">Named text fragments for dynamic conditions (e.g. <c>opioid-review</c>).</param>
public sealed record PlanItemDefinition(
    string Id,
    string Title,
    string PatientText,
    string? ClinicianText,
    IReadOnlyList<string> Sources,
    IReadOnlyList<TextVariant> Variants) : IKnowledgeItem;
