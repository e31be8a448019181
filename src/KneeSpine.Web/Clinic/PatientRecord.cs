using KneeSpine.Engine.Input;
using KneeSpine.Store.Patients;
using KneeSpine.Web.Charts;

namespace KneeSpine.Web.Clinic;

/// <summary>A patient with the timeline of their assessments, as the patient page shows it.</summary>
/// <param name="Patient">The record.</param>
/// <param name="Timeline">Assessments, oldest assessment date first, each with its versions.</param>
public sealed record PatientRecord(Patient Patient, IReadOnlyList<AssessmentSeries> Timeline)
{
    /// <summary>The most recent assessment (by date), when there is one.</summary>
    public AssessmentSeries? Latest => Timeline.Count == 0 ? null : Timeline[^1];

    /// <summary>Pain scores of the current version of every assessment, for the chart.</summary>
    public IReadOnlyList<PainPoint> PainHistory =>
        [.. Timeline.Select(s => s.Current).Select(a => new PainPoint(
            a.AssessedOn,
            a.DaysSinceSurgery,
            new PainScore(a.BackPainNow),
            a.KneePainNow is { } knee ? new PainScore(knee) : null))];
}
