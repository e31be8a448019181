using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;

namespace KneeSpine.Store.Reports;

/// <summary>
/// The outcomes report's view of one assessment: its current version, flattened into indexed columns and written in the
/// same transaction as the assessment, so a cohort report is set-based SQL over one narrow table and never reads JSON
/// (ADR-130). Keyed by the series: an edit rewrites the row, so only current versions are counted.
/// </summary>
public sealed class ReportRow
{
    /// <summary>The assessment series (<c>Assessment.SeriesId</c>).</summary>
    public Guid SeriesId { get; set; }

    /// <summary>The current version of the series.</summary>
    public Guid AssessmentId { get; set; }

    public Guid PatientId { get; set; }

    /// <summary>Surgery date as given in the assessment.</summary>
    public DateOnly SurgeryDate { get; set; }

    /// <summary>Whole years from the patient's birth date to the surgery date.</summary>
    public int AgeAtSurgery { get; set; }

    public Sex Sex { get; set; }

    public Anesthesia Anesthesia { get; set; }

    public SurgeryProcedure? Procedure { get; set; }

    public SurgerySide? Side { get; set; }

    public DateOnly AssessedOn { get; set; }

    public int DaysSinceSurgery { get; set; }

    /// <summary>Whole weeks since surgery (days divided by 7, rounded down).</summary>
    public int Week { get; set; }

    public TriageLevel Triage { get; set; }

    /// <summary>Back pain now, 0-10.</summary>
    public int BackPain { get; set; }

    public int? Phq2 { get; set; }

    public int? Gad2 { get; set; }

    public int? BackFunction { get; set; }

    /// <summary>When the current version was stored; the newest one is the report's "data as of".</summary>
    public DateTimeOffset StoredAt { get; set; }
}
