using System.Security.Claims;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Database;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Patients;

/// <summary>
/// The patient list (the page and <c>GET /api/v1/patients</c>): searched, filtered, sorted and paged in the database,
/// on both providers, with each patient's latest triage beside any open worklist item and the next follow-up check-in.
/// </summary>
public sealed class PatientDirectory(KneeSpineDbContext db, TimeProvider time, IOptions<FollowUpOptions> followUp, PatientService patients)
{
    public Task<PatientListResponse> ListAsync(ClaimsPrincipal user, PatientListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var source = db.Patients.AsNoTracking();
        if (!user.IsClinician())
        {
            var own = user.LinkedPatientId();
            source = source.Where(p => p.Id == own);
        }

        return ListAsync(source, query, cancellationToken);
    }

    /// <summary>
    /// Every patient, for the operator of the server (<c>kneespine patient list</c>), who can read the whole database
    /// anyway: the same query, filters and rows as the page and the API give a clinician.
    /// </summary>
    public Task<PatientListResponse> ListForOperatorAsync(PatientListQuery query, CancellationToken cancellationToken = default) =>
        ListAsync(db.Patients.AsNoTracking(), query, cancellationToken);

    private async Task<PatientListResponse> ListAsync(IQueryable<KneeSpine.Store.Patients.Patient> source, PatientListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = time.GetUtcNow();
        // The clinic's today, as the follow-up schedule and the pages count days.
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var days = followUp.Value.Days;

        if (query.Search is { } search)
        {
            var term = search.ToUpperInvariant();
            source = source.Where(p => p.Name.ToUpper().Contains(term));
        }

        var rows = source.Select(p => new PatientListRow
        {
            Patient = p,
            OpenRank = db.WorklistItems.Where(i => i.PatientId == p.Id && i.AcknowledgedAt == null)
                .Min(i => (int?)(i.Triage == TriageLevel.Emergency ? 0 : i.Triage == TriageLevel.Urgent ? 1 : 2)),
            LastAssessed = db.Assessments.Where(a => a.PatientId == p.Id && !db.Assessments.Any(newer => newer.SupersedesId == a.Id))
                .Max(a => (DateOnly?)a.AssessedOn),
            SurgeryDate = p.SurgeryDate,
            HasAccount = db.Users.Any(u => u.PatientId == p.Id),
        });

        rows = query.OpenItem switch
        {
            OpenItemFilter.Emergency => rows.Where(r => r.OpenRank == 0),
            OpenItemFilter.Urgent => rows.Where(r => r.OpenRank <= 1),
            OpenItemFilter.Any or OpenItemFilter.Soon => rows.Where(r => r.OpenRank != null),
            OpenItemFilter.None => rows.Where(r => r.OpenRank == null),
            _ => rows,
        };
        if (query.OverdueOnly)
        {
            rows = rows.Where(NextCheckInExpression.Overdue(days, today));
        }

        if (query.LastAssessedBefore is { } before)
        {
            rows = rows.Where(r => r.LastAssessed == null || r.LastAssessed < before);
        }

        if (query.MinDaysSinceSurgery is { } min)
        {
            var latestSurgery = today.AddDays(-min);
            rows = rows.Where(r => r.SurgeryDate <= latestSurgery);
        }

        if (query.MaxDaysSinceSurgery is { } max)
        {
            var earliestSurgery = today.AddDays(-max);
            rows = rows.Where(r => r.SurgeryDate >= earliestSurgery);
        }

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var ordered = query.Sort switch
        {
            PatientSort.OpenItem => rows.OrderBy(r => r.OpenRank ?? 3),
            PatientSort.LastAssessed => rows.OrderBy(r => r.LastAssessed == null ? 0 : 1).ThenBy(r => r.LastAssessed),
            PatientSort.DaysSinceSurgery => rows.OrderBy(r => r.SurgeryDate == null ? 1 : 0).ThenByDescending(r => r.SurgeryDate),
            PatientSort.FollowUp => rows.OrderBy(NextCheckInExpression.NonePending(days)).ThenBy(NextCheckInExpression.DueOn(days)),
            _ => rows.OrderBy(r => 0),
        };
        var page = await ordered.ThenBy(r => r.Patient.Name).ThenBy(r => r.Patient.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var ids = page.Select(r => r.Patient.Id).ToList();
        var latest = await patients.LatestAsync(ids, cancellationToken).ConfigureAwait(false);
        var open = await OpenItemsAsync(ids, now, cancellationToken).ConfigureAwait(false);
        var items = page.Select(r => patients.ToResponse(r.Patient, latest.GetValueOrDefault(r.Patient.Id)) with
        {
            HasAccount = r.HasAccount,
            OpenItem = open.GetValueOrDefault(r.Patient.Id),
            NextFollowUp = FollowUpSchedule.Next(r.SurgeryDate, r.LastAssessed, today, followUp.Value) is { } next
                ? new NextFollowUpResponse(next.DueOn, next.Overdue, next.Day)
                : null,
        }).ToList();
        return new PatientListResponse(items, total, query.Page, query.PageSize);
    }

    private async Task<Dictionary<Guid, OpenItemResponse>> OpenItemsAsync(List<Guid> patientIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.WorklistItems.AsNoTracking()
            .Where(i => patientIds.Contains(i.PatientId) && i.AcknowledgedAt == null)
            .Select(i => new { i.PatientId, i.Triage, i.OpenedAt, i.DueBy })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return open.GroupBy(i => i.PatientId).ToDictionary(
            g => g.Key,
            g => new OpenItemResponse(
                Code<TriageLevel>.ToCode(g.Max(i => i.Triage)),
                g.Count(),
                g.Min(i => i.OpenedAt),
                g.Any(i => now > i.DueBy)));
    }
}
