using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Web.Charts;

namespace KneeSpine.Web.Handouts;

/// <summary>Assembles a <see cref="Handout"/> from an evaluated assessment and the knowledge base's texts.</summary>
public static class HandoutFactory
{
    /// <summary>Builds the handout of one assessment.</summary>
    /// <param name="patientName">Who it is for.</param>
    /// <param name="assessedOn">Date of the assessment.</param>
    /// <param name="result">The engine's result for it.</param>
    /// <param name="history">Pain scores of every assessment of the patient so far.</param>
    /// <param name="knowledgeBase">Source of titles and citations.</param>
    public static Handout Create(string patientName, DateOnly assessedOn, AssessmentResult result, IReadOnlyList<PainPoint> history, KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var plan = result.Plan
            .Select(p => new HandoutPlanItem(knowledgeBase.PlanItems.TryGet(p.Id, out var d) ? d.Title : p.Id, p.PatientText))
            .ToArray();
        return new Handout(
            patientName,
            assessedOn,
            result.DaysSinceSurgery,
            result.Triage.Level,
            result.Triage.Headline,
            EmergencyWarningSigns.For(knowledgeBase),
            plan,
            history,
            Citations(result, knowledgeBase));
    }

    /// <summary>Full citations of every source the result cites, in order of first citation.</summary>
    public static IReadOnlyList<string> Citations(AssessmentResult result, KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        return [.. result.Alerts.SelectMany(a => a.Sources)
            .Concat(result.Factors.SelectMany(f => f.Sources))
            .Concat(result.Plan.SelectMany(p => p.Sources))
            .Distinct(StringComparer.Ordinal)
            .Select(id => knowledgeBase.Sources.TryGet(id, out var s) ? s.Citation : id)];
    }
}
