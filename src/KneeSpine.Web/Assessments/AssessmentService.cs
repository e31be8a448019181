using System.Text.Json;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Assessments;
using KneeSpine.Store.Database;
using KneeSpine.Web.Evaluate;
using KneeSpine.Web.Reports;
using KneeSpine.Web.Worklist;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Assessments;

/// <summary>
/// Stores evaluated assessments as immutable versions. An edit adds the next version of the same series;
/// the version it replaces stays as it was. A worrying result (emergency, urgent, soon) opens a worklist item in the
/// same transaction, and with it the care team's notification (ADR-080).
/// </summary>
public sealed class AssessmentService(KneeSpineDbContext db, AssessmentEvaluation evaluation, TimeProvider time, WorklistOpener worklist)
{
    /// <summary>Evaluates and stores a new assessment for <paramref name="patientId"/>.</summary>
    public Task<RecordOutcome> RecordAsync(Guid patientId, ReadOnlyMemory<byte> inputJson, string createdBy, CancellationToken cancellationToken = default) =>
        StoreAsync(patientId, evaluation.Evaluate(inputJson.Span), previous: null, createdBy, cancellationToken);

    /// <summary>Evaluates an input built in code (a web form) and stores it as a new assessment.</summary>
    public Task<RecordOutcome> RecordAsync(Guid patientId, AssessmentInput input, string createdBy, CancellationToken cancellationToken = default) =>
        StoreAsync(patientId, evaluation.Evaluate(input), previous: null, createdBy, cancellationToken);

    /// <summary>
    /// As <see cref="RecordAsync(Guid, AssessmentInput, string, CancellationToken)"/>, keeping the sender's own
    /// <paramref name="authored"/> (a FHIR dateTime) exactly as written beside the server's receipt time.
    /// </summary>
    public Task<RecordOutcome> RecordAsync(Guid patientId, AssessmentInput input, string createdBy, string? authored, CancellationToken cancellationToken) =>
        StoreAsync(patientId, evaluation.Evaluate(input), previous: null, createdBy, cancellationToken, authored: authored);

    /// <summary>
    /// Stores an assessment brought in by <c>kneespine import</c> under its own id and recording time, so a re-export
    /// matches. It opens no worklist item and tells nobody: imported results are history, acted on (or not) where they
    /// were recorded (ADR-080, docs/clinical-safety.md).
    /// </summary>
    public Task<RecordOutcome> ImportAsync(Guid patientId, Guid assessmentId, AssessmentInput input, DateTimeOffset recordedAt, string createdBy, CancellationToken cancellationToken = default) =>
        StoreAsync(patientId, evaluation.Evaluate(input), previous: null, createdBy, cancellationToken, assessmentId, recordedAt);

    /// <summary>Stores an edit of <paramref name="assessmentId"/> as its next version; null when the patient has no such assessment. Only the current version can be edited.</summary>
    public Task<RecordOutcome?> ReviseAsync(Guid patientId, Guid assessmentId, ReadOnlyMemory<byte> inputJson, string createdBy, CancellationToken cancellationToken = default) =>
        ReviseAsync(patientId, assessmentId, () => evaluation.Evaluate(inputJson.Span), createdBy, editReason: null, cancellationToken);

    /// <summary>Stores the next version with the clinician's reason for the edit (the clinic pages require one).</summary>
    public Task<RecordOutcome?> ReviseAsync(Guid patientId, Guid assessmentId, ReadOnlyMemory<byte> inputJson, string createdBy, string? editReason, CancellationToken cancellationToken) =>
        ReviseAsync(patientId, assessmentId, () => evaluation.Evaluate(inputJson.Span), createdBy, editReason, cancellationToken);

    /// <summary>Stores an edit built in code (a web form) as the next version; null when the patient has no such assessment.</summary>
    public Task<RecordOutcome?> ReviseAsync(Guid patientId, Guid assessmentId, AssessmentInput input, string createdBy, CancellationToken cancellationToken = default) =>
        ReviseAsync(patientId, assessmentId, () => evaluation.Evaluate(input), createdBy, editReason: null, cancellationToken);

    /// <summary>The patient's current assessments (latest version of each), oldest assessment date first.</summary>
    public async Task<IReadOnlyList<AssessmentResponse>> ListCurrentAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && !db.Assessments.Any(newer => newer.SupersedesId == a.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(a => a.AssessedOn).ThenBy(a => a.SeriesId).Select(a => ToResponse(a, isCurrent: true, withInput: false))];
    }

    /// <summary>Every version of the assessment that <paramref name="assessmentId"/> belongs to, oldest first; empty when unknown.</summary>
    public async Task<IReadOnlyList<AssessmentResponse>> HistoryAsync(Guid patientId, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var seriesId = await db.Assessments.Where(a => a.Id == assessmentId && a.PatientId == patientId)
            .Select(a => (Guid?)a.SeriesId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (seriesId is null)
        {
            return [];
        }

        var rows = await db.Assessments.AsNoTracking().Where(a => a.SeriesId == seriesId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var latest = rows.Max(a => a.Version);
        return [.. rows.OrderBy(a => a.Version).Select(a => ToResponse(a, a.Version == latest, withInput: false))];
    }

    public async Task<AssessmentResponse?> GetAsync(Guid patientId, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var row = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var isCurrent = !await db.Assessments.AnyAsync(a => a.SupersedesId == row.Id, cancellationToken).ConfigureAwait(false);
        return ToResponse(row, isCurrent, withInput: true);
    }

    private async Task<RecordOutcome?> ReviseAsync(
        Guid patientId, Guid assessmentId, Func<EvaluationOutcome> evaluate, string createdBy, string? editReason, CancellationToken cancellationToken)
    {
        var previous = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken).ConfigureAwait(false);
        return previous is null ? null : await StoreAsync(patientId, evaluate(), previous, createdBy, cancellationToken, editReason: editReason).ConfigureAwait(false);
    }

    private async Task<RecordOutcome> StoreAsync(
        Guid patientId, EvaluationOutcome outcome, Assessment? previous, string createdBy, CancellationToken cancellationToken,
        Guid? id = null, DateTimeOffset? recordedAt = null, string? editReason = null, string? authored = null)
    {
        if (!outcome.IsValid)
        {
            return RecordOutcome.Invalid(outcome.Errors);
        }

        var input = outcome.Input!;
        var result = outcome.Result!;
        var now = time.GetUtcNow();
        // Tolerates one day for time zones ahead of UTC; a later date is a typing error.
        if (input.AssessedOn > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
        {
            return RecordOutcome.Invalid([new ValidationError("assessedOn", "The assessment date cannot be in the future.")]);
        }

        // One connection for the read and the write (EF would otherwise open and close it around each).
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await StoreOpenAsync(patientId, input, result, now, previous, createdBy, id, recordedAt, editReason, authored, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private async Task<RecordOutcome> StoreOpenAsync(
        Guid patientId, AssessmentInput input, AssessmentResult result, DateTimeOffset now, Assessment? previous, string createdBy,
        Guid? id, DateTimeOffset? recordedAt, string? editReason, string? authored, CancellationToken cancellationToken)
    {
        // One round trip: the patient (tracked, its surgery details may change) and whether a current assessment other
        // than the one being replaced is dated later (then the patient keeps that one's details). "Later" rather than
        // "the latest date" lets the (PatientId, AssessedOn) index answer without reading the patient's every row.
        // Not an EF compiled query: those refuse a second model in one process (the tests run both providers).
        var found = await db.Patients.Where(p => p.Id == patientId)
            .Select(p => new
            {
                Patient = p,
                HasLater = db.Assessments.Any(a => a.PatientId == patientId && a.AssessedOn > input.AssessedOn
                    && (previous == null || a.Id != previous.Id)
                    && !db.Assessments.Any(newer => newer.SupersedesId == a.Id)),
            })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return RecordOutcome.NoSuchPatient();
        }

        var patient = found.Patient;
        if (previous is not null && await db.Assessments.AnyAsync(a => a.SupersedesId == previous.Id, cancellationToken).ConfigureAwait(false))
        {
            return RecordOutcome.Conflicted("This version has already been replaced by a newer one; edit the current version.");
        }

        // A first version's id is its series id too, so the FHIR id (the series, ADR-122) is the id the API answered.
        var newId = id ?? Guid.CreateVersion7(now);
        var assessment = NewRow(newId, patientId, previous?.SeriesId ?? newId, input, result, recordedAt ?? now, createdBy);
        assessment.Version = (previous?.Version ?? 0) + 1;
        assessment.SupersedesId = previous?.Id;
        assessment.EditReason = previous is null ? null : editReason;
        assessment.Authored = authored;
        db.Assessments.Add(assessment);
        await ReportRowWriter.StageAsync(db, assessment, input, result, patient, cancellationToken).ConfigureAwait(false);
        // Every stored worrying result opens its own item, an edit's new version too (ADR-080); nothing here closes one.
        // An import (the only caller that brings its own recording time) opens none.
        var item = recordedAt is null ? worklist.Open(db, assessment, result, now) : null;

        if (!found.HasLater)
        {
            TakeSurgeryDetails(patient, input);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (previous is not null)
        {
            // The unique (series, version) index: someone else stored the next version first.
            return RecordOutcome.Conflicted("This version was edited by someone else at the same time; reload and edit the current version.");
        }

        if (item is not null)
        {
            worklist.Committed();
        }

        return RecordOutcome.Stored(assessment);
    }

    /// <summary>A first version's row (callers set the version and what it supersedes for an edit); shared with bulk import.</summary>
    internal static Assessment NewRow(Guid id, Guid patientId, Guid seriesId, AssessmentInput input, AssessmentResult result, DateTimeOffset createdAt, string createdBy) =>
        NewRow(id, patientId, seriesId, input, result, AssessmentInputJson.ToJson(input), AssessmentResultJson.ToJson(result), createdAt, createdBy);

    /// <summary>As above with the input and result already serialized (bulk import does that on every core).</summary>
    internal static Assessment NewRow(
        Guid id, Guid patientId, Guid seriesId, AssessmentInput input, AssessmentResult result, string inputJson, string resultJson, DateTimeOffset createdAt, string createdBy) => new()
    {
        Id = id,
        PatientId = patientId,
        SeriesId = seriesId,
        Version = 1,
        AssessedOn = input.AssessedOn,
        DaysSinceSurgery = result.DaysSinceSurgery,
        Triage = result.Triage.Level,
        BackPainNow = input.BackPain.IntensityNow.Value,
        KneePainNow = input.Knee?.PainNow?.Value,
        KnowledgeBaseVersion = result.KnowledgeBaseVersion,
        InputJson = inputJson,
        ResultJson = resultJson,
        CreatedAt = createdAt,
        CreatedBy = createdBy,
    };

    /// <summary>The patient's surgery details from its latest assessment; shared with bulk import.</summary>
    internal static void TakeSurgeryDetails(Store.Patients.Patient patient, AssessmentInput input)
    {
        // Side and procedure are optional answers: a follow-up that leaves them out does not erase what is known.
        patient.SurgeryDate = input.Surgery.Date;
        patient.SurgerySide = input.Surgery.Side ?? patient.SurgerySide;
        patient.SurgeryProcedure = input.Surgery.Procedure ?? patient.SurgeryProcedure;
        patient.Anesthesia = input.Surgery.Anesthesia;
    }

    internal static AssessmentResponse ToResponse(Assessment a, bool isCurrent, bool withInput)
    {
        using var result = JsonDocument.Parse(a.ResultJson);
        JsonElement? input = null;
        if (withInput)
        {
            using var inputDocument = JsonDocument.Parse(a.InputJson);
            input = inputDocument.RootElement.Clone();
        }

        return new AssessmentResponse(
            a.Id, a.PatientId, a.SeriesId, a.Version, a.SupersedesId, isCurrent, a.AssessedOn, a.DaysSinceSurgery,
            Code<TriageLevel>.ToCode(a.Triage), a.BackPainNow, a.KneePainNow, a.KnowledgeBaseVersion,
            a.CreatedAt, a.CreatedBy, result.RootElement.Clone(), input);
    }
}
