using System.Linq.Expressions;
using System.Text;
using KneeSpine.Engine.Results;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Store.Assessments;
using KneeSpine.Store.Database;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Charts;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Clinic;

/// <summary>Reads patients and their assessments for the pages. Writes go through the web core's services.</summary>
public sealed class ClinicRecords(KneeSpineDbContext db)
{
    // Timelines and version lists read the summary columns only, never the JSON.
    private static readonly Expression<Func<Assessment, AssessmentSummary>> SummaryOf = a => new AssessmentSummary(
        a.Id, a.SeriesId, a.Version, a.AssessedOn, a.DaysSinceSurgery, a.Triage, a.BackPainNow, a.KneePainNow, a.CreatedAt, a.CreatedBy, a.KnowledgeBaseVersion, a.EditReason);

    /// <summary>The patient with every assessment version, or <see langword="null"/> when there is no such patient.</summary>
    public async Task<PatientRecord?> LoadAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        // One connection for both reads (EF would otherwise open and close it around each).
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var patient = await db.Patients.AsNoTracking().Include(p => p.User)
                .SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken).ConfigureAwait(false);
            return patient is null ? null : new PatientRecord(patient, await TimelineAsync(patientId, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private async Task<AssessmentSeries[]> TimelineAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var rows = await db.Assessments.Where(a => a.PatientId == patientId).Select(SummaryOf)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows
            .GroupBy(a => a.SeriesId)
            .Select(g => new AssessmentSeries([.. g.OrderBy(a => a.Version)]))
            .OrderBy(s => s.Current.AssessedOn)
            .ThenBy(s => s.Versions[0].CreatedAt)];
    }

    /// <summary>
    /// The back-function score of every current assessment that has one, oldest first. Reads the result JSON of the
    /// current versions (the score has no column of its own); results of version 1 have no scores and are left out.
    /// </summary>
    public async Task<IReadOnlyList<FunctionPoint>> BackFunctionHistoryAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && !db.Assessments.Any(newer => newer.SupersedesId == a.Id))
            .Select(a => new { a.AssessedOn, a.DaysSinceSurgery, a.ResultJson })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows
            .Select(r => (r.AssessedOn, r.DaysSinceSurgery, Scores: AssessmentResultJson.Read(Encoding.UTF8.GetBytes(r.ResultJson)).Scores))
            .Where(r => r.Scores?.BackFunction is not null)
            .OrderBy(r => r.AssessedOn)
            .Select(r => new FunctionPoint(r.AssessedOn, r.DaysSinceSurgery, r.Scores!.BackFunction!.Value))];
    }

    /// <summary>
    /// After a patient's assessment was not found: when the id is another patient's assessment, marks the request as
    /// refused for the audit trail. One read, on this path only; the answer stays 404, so nothing leaks.
    /// </summary>
    public async Task NoteOthersAssessmentAsync(AuditRecord audit, Guid ownPatientId, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var owner = await db.Assessments.Where(a => a.Id == assessmentId).Select(a => (Guid?)a.PatientId)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (owner is { } other && other != ownPatientId)
        {
            audit.DenyOthersRecord(other);
        }
    }

    /// <summary>One version of an assessment of <paramref name="patientId"/>, or <see langword="null"/> when it is not theirs.</summary>
    public async Task<StoredAssessment?> LoadAssessmentAsync(Guid patientId, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var row = await db.Assessments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var versions = await db.Assessments.Where(a => a.SeriesId == row.SeriesId).OrderBy(a => a.Version).Select(SummaryOf)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Read as recorded, never as a current input: a version 1 record stays a version 1 record.
        var input = RecordedInput.FromJson(row.InputJson);
        var result = AssessmentResultJson.Read(Encoding.UTF8.GetBytes(row.ResultJson));
        return new StoredAssessment(row, input, result, new AssessmentSeries(versions));
    }
}
