using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Assessments;
using KneeSpine.Store.Database;
using KneeSpine.Store.Patients;
using KneeSpine.Store.Reports;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Reports;

/// <summary>
/// Keeps the report's flat rows (<see cref="ReportRow"/>, <see cref="ReportFinding"/>) in step with the assessments:
/// called by every path that stores one, before its <c>SaveChanges</c>, so the row commits with the assessment (ADR-130).
/// </summary>
public static class ReportRowWriter
{
    /// <summary>Adds (or, for a new version of a series, rewrites) the report row of <paramref name="assessment"/> to <paramref name="db"/> without saving.</summary>
    public static async Task StageAsync(
        KneeSpineDbContext db, Assessment assessment, AssessmentInput input, AssessmentResult result, Patient patient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.Version > 1 && await db.ReportRows.FindAsync([assessment.SeriesId], cancellationToken).ConfigureAwait(false) is { } current)
        {
            // Rewritten in place (and findings by difference) so everything still commits in the caller's one SaveChanges.
            db.Entry(current).CurrentValues.SetValues(Row(assessment, input, result, patient));
            var now = Findings(assessment.SeriesId, result).ToList();
            var before = await db.ReportFindings.Where(f => f.SeriesId == assessment.SeriesId).ToListAsync(cancellationToken).ConfigureAwait(false);
            db.ReportFindings.RemoveRange(before.Where(b => !now.Any(n => n.Kind == b.Kind && n.FindingId == b.FindingId)));
            db.ReportFindings.AddRange(now.Where(n => !before.Any(b => b.Kind == n.Kind && b.FindingId == n.FindingId)));
            return;
        }

        Stage(db, assessment, input, result, patient);
    }

    /// <summary>Adds the rows of a new series (version 1) without reading anything: the batch path of the cohort generator.</summary>
    public static void Stage(KneeSpineDbContext db, Assessment assessment, AssessmentInput input, AssessmentResult result, Patient patient) =>
        Stage(db, assessment, ReportAnswers.From(input), result, patient);

    /// <summary>Adds the rows of a series from answers already read (the backfill reads them from stored JSON).</summary>
    public static void Stage(KneeSpineDbContext db, Assessment assessment, ReportAnswers answers, AssessmentResult result, Patient patient)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assessment);
        db.ReportRows.Add(Row(assessment, answers, result, patient));
        db.ReportFindings.AddRange(Findings(assessment.SeriesId, result));
    }

    public static ReportRow Row(Assessment assessment, AssessmentInput input, AssessmentResult result, Patient patient) =>
        Row(assessment, ReportAnswers.From(input), result, patient);

    public static ReportRow Row(Assessment assessment, ReportAnswers answers, AssessmentResult result, Patient patient)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(patient);
        return new ReportRow
        {
            SeriesId = assessment.SeriesId,
            AssessmentId = assessment.Id,
            PatientId = assessment.PatientId,
            SurgeryDate = answers.SurgeryDate,
            AgeAtSurgery = AgeBands.YearsBetween(patient.BirthDate, answers.SurgeryDate),
            Sex = answers.Sex ?? patient.Sex,
            Anesthesia = answers.Anesthesia,
            Procedure = answers.Procedure ?? patient.SurgeryProcedure,
            Side = answers.Side ?? patient.SurgerySide,
            AssessedOn = assessment.AssessedOn,
            DaysSinceSurgery = result.DaysSinceSurgery,
            Week = WeekOf(result.DaysSinceSurgery),
            Triage = result.Triage.Level,
            BackPain = assessment.BackPainNow,
            Phq2 = result.Scores?.Phq2,
            Gad2 = result.Scores?.Gad2,
            BackFunction = result.Scores?.BackFunction,
            StoredAt = assessment.CreatedAt,
        };
    }

    /// <summary>Week since surgery: day 0-6 is week 0.</summary>
    public static int WeekOf(int daysSinceSurgery) => daysSinceSurgery < 0 ? -1 : daysSinceSurgery / 7;

    private static IEnumerable<ReportFinding> Findings(Guid seriesId, AssessmentResult result) =>
        result.Alerts.Select(a => a.Id).Distinct().Select(id => new ReportFinding { SeriesId = seriesId, Kind = ReportFindingKind.Alert, FindingId = id })
            .Concat(result.Factors.DistinctBy(f => f.Id).Select(f => new ReportFinding
            {
                SeriesId = seriesId,
                Kind = f.Certainty == Certainty.Likely ? ReportFindingKind.LikelyFactor : ReportFindingKind.PossibleFactor,
                FindingId = f.Id,
            }));
}
