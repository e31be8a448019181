using System.Text;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Store.Assessments;
using KneeSpine.Store.Database;
using Microsoft.EntityFrameworkCore;
using StoredPatient = KneeSpine.Store.Patients.Patient;

namespace KneeSpine.Web.Fhir;

/// <summary>Reads KneeSpine's store as the FHIR library's records (patients, knee replacements, assessments).</summary>
public sealed class FhirRecords(KneeSpineDbContext db)
{
    public Task<StoredPatient?> FindPatientAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>The current version of every assessment: no newer version supersedes it.</summary>
    private IQueryable<Assessment> Current => db.Assessments.AsNoTracking().Where(a => !db.Assessments.Any(newer => newer.SupersedesId == a.Id));

    public Task<List<StoredPatient>> AllPatientsAsync(CancellationToken cancellationToken = default) =>
        db.Patients.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>The patient's current assessments (latest version of each), oldest first.</summary>
    public async Task<IReadOnlyList<StoredAssessment>> CurrentAssessmentsAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var rows = await Current.Where(a => a.PatientId == patientId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(a => a.AssessedOn).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(Stored)];
    }

    /// <summary>
    /// The result of the patient's newest current assessment (latest assessment date, then latest authored), or null
    /// when there is none. Reads only what that choice needs and parses one result, not every stored input and result:
    /// a CDS Hooks call asks this on every chart opened.
    /// </summary>
    public async Task<AssessmentResult?> NewestResultAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var rows = await Current.Where(a => a.PatientId == patientId)
            .Select(a => new { a.Id, a.AssessedOn, a.Authored, a.CreatedAt, a.ResultJson })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var newest = rows.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => AuthoredOf(a.Authored, a.CreatedAt))
            .ThenByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).FirstOrDefault();
        return newest is null ? null : AssessmentResultJson.Read(Encoding.UTF8.GetBytes(newest.ResultJson));
    }

    /// <summary>
    /// The current assessment rows of several patients in one query (bulk export reads a page of patients at a time),
    /// each patient's oldest first; with <paramref name="since"/>, only those recorded at or after it. Rows, not
    /// <see cref="StoredAssessment"/>s: the export reads their JSON (<see cref="Stored"/>) on several threads.
    /// </summary>
    public async Task<ILookup<Guid, Assessment>> CurrentAssessmentRowsAsync(IReadOnlyCollection<Guid> patientIds, DateTimeOffset? since, CancellationToken cancellationToken = default)
    {
        var rows = await Current.Where(a => patientIds.Contains(a.PatientId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Where(a => since is null || a.CreatedAt >= since)
            .OrderBy(a => a.PatientId).ThenBy(a => a.AssessedOn).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToLookup(a => a.PatientId);
    }

    /// <summary>One stored assessment version with its patient id; null when unknown.</summary>
    public async Task<(Guid PatientId, StoredAssessment Assessment)?> FindAssessmentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : (row.PatientId, Stored(row));
    }

    /// <summary>
    /// The current version of the assessment whose FHIR id is <paramref name="id"/>: the series id, or (for records
    /// stored before ids were series ids) the id of one of its versions.
    /// </summary>
    public async Task<(Guid PatientId, StoredAssessment Assessment)?> FindCurrentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var series = await db.Assessments.AsNoTracking().Where(a => a.SeriesId == id || a.Id == id)
            .Select(a => a.SeriesId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var row = series == Guid.Empty ? null : await db.Assessments.AsNoTracking().Where(a => a.SeriesId == series)
            .OrderByDescending(a => a.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : (row.PatientId, Stored(row));
    }

    /// <summary>Version <paramref name="version"/> of the assessment whose FHIR id is <paramref name="id"/> (as <see cref="FindCurrentAsync"/>).</summary>
    public async Task<(Guid PatientId, StoredAssessment Assessment)?> FindVersionAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var series = await db.Assessments.AsNoTracking().Where(a => a.SeriesId == id || a.Id == id)
            .Select(a => a.SeriesId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var row = series == Guid.Empty ? null : await db.Assessments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.SeriesId == series && a.Version == version, cancellationToken).ConfigureAwait(false);
        return row is null ? null : (row.PatientId, Stored(row));
    }

    public Task<bool> AssessmentExistsAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Assessments.AnyAsync(a => a.Id == id, cancellationToken);

    /// <summary>The store keeps one name; FHIR splits it into given names and a family name at the last space.</summary>
    public static PatientDetails ToDetails(StoredPatient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var words = patient.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PatientDetails(patient.Id.ToString(), words.Length > 0 ? words[^1] : null, words.Length > 1 ? words[..^1] : [], patient.BirthDate, patient.Sex);
    }

    /// <summary>The knee replacement, when the record has a surgery date.</summary>
    public static SurgeryRecord? Surgery(StoredPatient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.SurgeryDate is { } date
            ? new SurgeryRecord(ProcedureId(patient.Id), new SurgeryInfo(date, patient.Anesthesia ?? Anesthesia.Unknown)
            {
                Side = patient.SurgerySide,
                Procedure = patient.SurgeryProcedure,
            })
            : null;
    }

    /// <summary>The Procedure id of the patient's knee replacement (one per patient record).</summary>
    public static string ProcedureId(Guid patientId) => patientId + "-knee-replacement";

    private static DateTimeOffset AuthoredOf(string? authoredAsSent, DateTimeOffset receivedAt) =>
        authoredAsSent is { } sent && new Hl7.Fhir.Model.FhirDateTime(sent).TryToDateTimeOffset(TimeSpan.Zero, out var at) ? at : receivedAt;

    /// <summary>A stored assessment row read as the FHIR library's record of it.</summary>
    public static StoredAssessment Stored(Assessment row)
    {
        ArgumentNullException.ThrowIfNull(row);
        // Read as recorded, never as a current input: a version 1 record stays a version 1 record.
        // The sender's authored when it was kept (ADR-145), the receipt time for everything else and older rows.
        return new StoredAssessment(row.Id.ToString(), RecordedInput.FromJson(row.InputJson), AssessmentResultJson.Read(Encoding.UTF8.GetBytes(row.ResultJson)), AuthoredOf(row.Authored, row.CreatedAt))
        {
            AuthoredAsSent = row.Authored,
            // FHIR's logical id is the series: an edit is a new version of the same QuestionnaireResponse (ADR-122).
            LogicalId = row.SeriesId.ToString(),
            Version = row.Version,
            ReceivedAt = row.CreatedAt,
        };
    }
}
