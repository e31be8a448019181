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
        ArgumentNullException.ThrowIfNull(select);
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

            var page = await query.OrderBy(p => p.Id).Take(PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                yield break;
            }

            after = page[^1].Id;
            var assessments = await records.CurrentAssessmentsAsync([.. page.Select(p => p.Id)], since, cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            var resources = new List<Resource>(page.Count * 8);
            foreach (var patient in page)
            {
                var reference = "Patient/" + patient.Id;
                if (since is null || patient.CreatedAt >= since)
                {
                    resources.Add(FhirAssessmentMapper.ToPatient(FhirRecords.ToDetails(patient)));
                    if (FhirRecords.Surgery(patient) is { } surgery)
                    {
                        resources.Add(FhirAssessmentMapper.ToProcedure(surgery.Id, reference, surgery.Surgery));
                    }
                }

                foreach (var assessment in assessments[patient.Id])
                {
                    resources.AddRange(mapper.ToResources(assessment, reference, ExportBase).All);
                }
            }

            yield return resources;
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
