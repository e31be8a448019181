using Hl7.Fhir.Model;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Store.Database;
using Microsoft.EntityFrameworkCore;
using StoredPatient = KneeSpine.Store.Patients.Patient;

namespace KneeSpine.Web.Fhir.Bulk;

/// <summary>
/// Reads the store as FHIR resources a page of patients at a time (patients in id order, each followed by its knee
/// replacement and its current assessments' resources), so an export of any size holds one page in memory. Reads
/// through <see cref="ReadStore"/>: the read replica when one is configured (ADR-137).
/// </summary>
public sealed class FhirBulkReader(ReadStore store, FhirAssessmentMapper mapper)
{
    /// <summary>Patients per query: large enough that round trips do not dominate, small enough to stay light.</summary>
    public const int PageSize = 500;

    // Stored references are relative; this base only completes the mapper's signature.
    private static readonly Uri ExportBase = new("https://localhost/fhir/");

    /// <summary>
    /// Pages of resources of the patients <paramref name="select"/> picks from the read store. With <paramref name="since"/>, a patient's Patient and
    /// Procedure come only when the patient was created at or after it, and assessments only when recorded at or after it.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<Resource>> PagesAsync(
        Func<KneeSpineDbContext, IQueryable<StoredPatient>> select, DateTimeOffset? since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in RecordPagesAsync(select, since, PageSize, cancellationToken).ConfigureAwait(false))
        {
            yield return [.. page.SelectMany(Resources)];
        }
    }

    /// <summary>
    /// The pages of <see cref="PagesAsync"/> as read, not yet mapped, so that a caller can map a page's patients on
    /// several threads (<see cref="Resources"/>) and still write them in order; <paramref name="pageSize"/> patients a
    /// page (<see cref="PageSize"/> unless given).
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ExportedPatient>> RecordPagesAsync(
        Func<KneeSpineDbContext, IQueryable<StoredPatient>> select, DateTimeOffset? since, int pageSize = PageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(select);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var db = store.Db;
        var records = new FhirRecords(db);
        var patients = select(db);
        Guid? after = null;
        while (true)
        {
            var query = patients.AsNoTracking();
            if (after is { } last)
            {
                query = query.Where(p => p.Id > last);
            }

            var page = await query.OrderBy(p => p.Id).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                yield break;
            }

            after = page[^1].Id;
            var assessments = await records.CurrentAssessmentRowsAsync([.. page.Select(p => p.Id)], since, cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            yield return [.. page.Select(p => new ExportedPatient(p, since is null || p.CreatedAt >= since, [.. assessments[p.Id]]))];
        }
    }

    /// <summary>
    /// A patient's resources in export order: its Patient and Procedure (when wanted), then each current assessment's
    /// resources. Safe to call from several threads at once.
    /// </summary>
    public IEnumerable<Resource> Resources(ExportedPatient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var reference = "Patient/" + patient.Patient.Id;
        if (patient.WithDemographics)
        {
            yield return FhirAssessmentMapper.ToPatient(FhirRecords.ToDetails(patient.Patient));
            if (FhirRecords.Surgery(patient.Patient) is { } surgery)
            {
                yield return FhirAssessmentMapper.ToProcedure(surgery.Id, reference, surgery.Surgery);
            }
        }

        foreach (var assessment in patient.Assessments)
        {
            foreach (var resource in mapper.ToResources(FhirRecords.Stored(assessment), reference, ExportBase).All)
            {
                yield return resource;
            }
        }
    }

    /// <summary>How many patients <see cref="PagesAsync"/> will go through, for progress.</summary>
    public Task<int> CountAsync(Func<KneeSpineDbContext, IQueryable<StoredPatient>> select, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(select);
        return select(store.Db).CountAsync(cancellationToken);
    }

    /// <summary>How old the data read here may be (zero on the primary); see <see cref="ReadStore.LagAsync"/>.</summary>
    public Task<TimeSpan> LagAsync(DateTimeOffset now, CancellationToken cancellationToken) => store.LagAsync(now, cancellationToken);
}
