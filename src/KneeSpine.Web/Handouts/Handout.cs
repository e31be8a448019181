using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Web.Charts;

namespace KneeSpine.Web.Handouts;

/// <summary>Everything printed on a patient's PDF handout, already in plain language.</summary>
/// <param name="PatientName">Who the handout is for.</param>
/// <param name="AssessedOn">Date of the assessment.</param>
/// <param name="DaysSinceSurgery">Days from the surgery to the assessment.</param>
/// <param name="Level">Triage level.</param>
/// <param name="Headline">What to do now (the triage headline).</param>
/// <param name="SignLists">The two lists of warning signs (ambulance now; care team today), in plain language.</param>
/// <param name="Plan">The plan, in order.</param>
/// <param name="PainHistory">Pain scores of every assessment so far, for the chart.</param>
/// <param name="Sources">Every source the plan and alerts rest on, as readable citations.</param>
public sealed record Handout(
    string PatientName,
    DateOnly AssessedOn,
    int DaysSinceSurgery,
    TriageLevel Level,
    string Headline,
    IReadOnlyList<HandoutSignList> SignLists,
    IReadOnlyList<HandoutPlanItem> Plan,
    IReadOnlyList<PainPoint> PainHistory,
    IReadOnlyList<Citation> Sources)
{
    /// <summary>For a result kept from earlier rules, e.g. "Assessed with rules version 2026.11"; otherwise <see langword="null"/>.</summary>
    public string? VersionNote { get; init; }
}
