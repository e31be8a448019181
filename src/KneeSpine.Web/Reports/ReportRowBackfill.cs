using System.Text;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Database;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Reports;

/// <summary>
/// Writes the report rows (ADR-130) of current assessments stored before the report tables existed (ADR-150): in
/// batches, each its own transaction, choosing only series that still have no row. That choice makes it idempotent and
/// resumable (a stopped run leaves whole batches; the next run picks up what is still missing) and safe beside a live
/// clinic or a second node (a series given a row meanwhile is simply no longer chosen). It evaluates nothing: the row
/// is the stored result, as the clinic saw it.
/// </summary>
public sealed partial class ReportRowBackfill(KneeSpineDbContext db, ILogger<ReportRowBackfill> logger)
{
    /// <summary>Series per transaction: each batch reads its assessments' JSON, so it is kept small.</summary>
    public const int DefaultBatchSize = 500;

    // A batch that loses a race (another node or an edit wrote the same series' row) is read again; this many in a row is not a race.
    private const int ConflictsInARow = 5;

    /// <summary>Backfills until no current assessment lacks a row; <paramref name="progress"/> is told the running total.</summary>
    public async Task<BackfillOutcome> RunAsync(int batchSize = DefaultBatchSize, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        // The usual case, nothing missing, is answered from indexes (one row per series): choosing the missing series
        // reads the whole assessments table with its JSON, which a server start or a CLI report should not pay for.
        var series = await db.Assessments.Select(a => a.SeriesId).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
        if (await db.ReportRows.CountAsync(cancellationToken).ConfigureAwait(false) >= series)
        {
            return new BackfillOutcome(0, 0);
        }

        var written = 0;
        var unreadable = 0;
        var conflicts = 0;
        while (true)
        {
            int chosen, added;
            try
            {
                (chosen, added) = await RunBatchAsync(batchSize, unreadable, cancellationToken).ConfigureAwait(false);
                conflicts = 0;
            }
            catch (DbUpdateException error) when (++conflicts < ConflictsInARow)
            {
                db.ChangeTracker.Clear();
                LogConflict(logger, error);
                continue;
            }

            written += added;
            unreadable += chosen - added;
            if (chosen > 0)
            {
                progress?.Invoke(written);
            }

            if (chosen < batchSize)
            {
                return new BackfillOutcome(written, unreadable);
            }
        }
    }

    /// <summary>
    /// One batch in one transaction: up to <paramref name="batchSize"/> current assessments without a row, after the
    /// first <paramref name="skip"/> (the unreadable ones, which stay without a row). Returns how many were chosen and how many rows were added.
    /// </summary>
    public async Task<(int Chosen, int Added)> RunBatchAsync(int batchSize, int skip, CancellationToken cancellationToken)
    {
        var batch = await db.Assessments.AsNoTracking()
            .Where(a => !db.Assessments.Any(newer => newer.SupersedesId == a.Id) && !db.ReportRows.Any(r => r.SeriesId == a.SeriesId))
            .OrderBy(a => a.Id).Skip(skip).Take(batchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return (0, 0);
        }

        var patientIds = batch.Select(a => a.PatientId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken).ConfigureAwait(false);
        var added = 0;
        foreach (var assessment in batch)
        {
            ReportAnswers answers;
            AssessmentResult result;
            try
            {
                answers = ReportAnswers.FromStoredJson(assessment.InputJson);
                result = AssessmentResultJson.Read(Encoding.UTF8.GetBytes(assessment.ResultJson));
            }
            catch (Exception error) when (error is FormatException or System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException)
            {
                // Left without a row (and counted): one damaged record must not stop the others from being reported.
                LogUnreadable(logger, assessment.Id, error.Message);
                continue;
            }

            ReportRowWriter.Stage(db, assessment, answers, result, patients[assessment.PatientId]);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return (batch.Count, added);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A report-row backfill batch met rows written meanwhile (another node or an edit); reading it again.")]
    private static partial void LogConflict(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Assessment {AssessmentId} could not be read for the outcomes report ({Reason}); it is left out of reports.")]
    private static partial void LogUnreadable(ILogger logger, Guid assessmentId, string reason);
}

/// <summary>What a backfill did: rows written, and current assessments left out because their stored JSON could not be read.</summary>
public sealed record BackfillOutcome(int Written, int Unreadable);
