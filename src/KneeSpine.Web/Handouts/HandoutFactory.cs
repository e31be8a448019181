using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Web.Charts;

namespace KneeSpine.Web.Handouts;

/// <summary>Assembles a <see cref="Handout"/> from an evaluated assessment and the knowledge base's texts.</summary>
public static class HandoutFactory
{
    /// <summary>Printed after the rules version of a result kept from earlier rules.</summary>
    public const string EarlierVersionNote = "This is the result as it was given then.";

    /// <summary>Builds the handout of one assessment.</summary>
    /// <param name="patientName">Who it is for.</param>
    /// <param name="assessedOn">Date of the assessment.</param>
    /// <param name="result">The engine's result for it.</param>
    /// <param name="history">Pain scores of every assessment of the patient so far.</param>
    /// <param name="input">The answers, when they read as a current input (they decide the conditional warning signs).</param>
    public static Handout Create(string patientName, DateOnly assessedOn, AssessmentResult result, IReadOnlyList<PainPoint> history, AssessmentInput? input)
    {
        ArgumentNullException.ThrowIfNull(result);
        // Titles and citations of the knowledge base that produced the result (version 1 results keep theirs).
        var knowledgeBase = KnowledgeBase.For(result);
        var citations = ResultCitations.For(knowledgeBase, result);
        var plan = result.Plan
            .Select(p => new HandoutPlanItem(knowledgeBase.PlanItems.TryGet(p.Id, out var d) ? d.Title : p.Id, p.PatientText) { Sources = citations.Of(p.Sources) })
            .ToArray();
        return new Handout(
            patientName,
            assessedOn,
            result.DaysSinceSurgery,
            result.Triage.Level,
            result.Triage.Headline,
            HandoutSigns.For(input),
            plan,
            history,
            citations.All)
        {
            VersionNote = result.SchemaVersion < AssessmentResult.CurrentSchemaVersion
                ? $"Assessed with rules version {result.KnowledgeBaseVersion}. {EarlierVersionNote}"
                : null,
        };
    }
}
