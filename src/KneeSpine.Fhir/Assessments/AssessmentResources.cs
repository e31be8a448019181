using Hl7.Fhir.Model;

namespace KneeSpine.Fhir.Assessments;

/// <summary>The FHIR resources that record one evaluated assessment.</summary>
/// <param name="Response">The answers.</param>
/// <param name="RiskAssessment">The triage level, based on the response.</param>
/// <param name="Flags">One per alert that fired, most serious first.</param>
/// <param name="CarePlan">The personalised plan.</param>
/// <param name="Observations">The pain scores and the contributing factors.</param>
public sealed record AssessmentResources(
    QuestionnaireResponse Response,
    RiskAssessment RiskAssessment,
    IReadOnlyList<Flag> Flags,
    CarePlan CarePlan,
    IReadOnlyList<Observation> Observations)
{
    /// <summary>Every resource, in reading order: what to do first (triage, alerts), then the plan, the findings and the answers.</summary>
    public IEnumerable<Resource> All =>
        [RiskAssessment, .. Flags, CarePlan, .. Observations, Response];
}
