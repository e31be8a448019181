using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Fhir;

/// <summary><c>GET /fhir/AuditEvent</c>: the audit trail as a searchset of R4 AuditEvents, newest first; admins only.</summary>
internal static class FhirAuditEndpoints
{
    public const int DefaultCount = 100;

    public const int MaxCount = 1000;

    /// <summary>
    /// The newest event id the first page saw. Every search adds an event (the search is audited), so without it the
    /// next page, counted newest first, would repeat the last one; the paging links carry it.
    /// </summary>
    public const string SnapshotParameter = "_snapshot";

    public static IEndpointRouteBuilder MapFhirAuditEvents(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/AuditEvent", SearchAsync).RequireAuthorization(Policies.Admin).Audited(AuditAction.AuditRead)
            .WithSummary("Search the audit trail by patient (or entity=Patient/{id}), date (eq, ge, gt, le, lt) and _count; newest first");
        return fhir;
    }

    internal static async Task<FhirResult> SearchAsync(HttpRequest request, KneeSpineDbContext db, CancellationToken cancellationToken)
    {
        var unknown = request.Query.Keys.FirstOrDefault(k => k is not ("patient" or "entity" or "date" or "_count" or "_offset" or SnapshotParameter or "_format"));
        if (unknown is not null)
        {
            return FhirOutcomes.BadRequest($"Search parameter '{unknown}' is not supported on AuditEvent; see /fhir/metadata.", unknown);
        }

        var filter = new AuditFilter();
        foreach (var parameter in (string[])["patient", "entity"])
        {
            foreach (var value in request.Query[parameter].OfType<string>())
            {
                if (!FhirStoredEndpoints.TryPatientId(value, out var patientId) || (filter.PatientId is { } other && other != patientId))
                {
                    return FhirOutcomes.BadRequest($"'{value}' is not a KneeSpine patient reference (Patient/{{uuid}}), or names a second patient.", parameter);
                }

                filter = filter with { PatientId = patientId };
            }
        }

        foreach (var value in request.Query["date"].OfType<string>())
        {
            if (FhirDateSearch.Parse(value) is not { } range)
            {
                return FhirOutcomes.BadRequest(
                    $"date '{value}' is not a FHIR date search (eq, ge, gt, le or lt, then YYYY, YYYY-MM, YYYY-MM-DD or an instant with a time zone).", "date");
            }

            filter = filter with
            {
                From = Later(filter.From, range.From),
                Until = Earlier(filter.Until, range.Until),
            };
        }

        var (page, pageError) = FhirPage.Read(request, DefaultCount, MaxCount);
        if (pageError is not null)
        {
            return pageError;
        }

        long snapshot;
        if (request.Query[SnapshotParameter].ToString() is { Length: > 0 } snapshotText)
        {
            if (!long.TryParse(snapshotText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out snapshot))
            {
                return FhirOutcomes.BadRequest($"{SnapshotParameter} must be an audit event id, as the paging links give it.", SnapshotParameter);
            }
        }
        else
        {
            snapshot = await db.AuditEvents.MaxAsync(e => (long?)e.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        }

        request.HttpContext.Audit().PatientId = filter.PatientId;
        var matching = db.AuditEvents.AsNoTracking().Matching(filter).Where(e => e.Id <= snapshot);
        var total = await matching.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await page!.Of(matching.NewestFirst()).ToListAsync(cancellationToken).ConfigureAwait(false);
        var bundle = page.Searchset(request, rows.Select(AuditEntries.ToFhir), total, (SnapshotParameter, snapshot.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new FhirResult(bundle);
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
