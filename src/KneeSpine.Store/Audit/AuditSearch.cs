namespace KneeSpine.Store.Audit;

/// <summary>The one query over the audit trail, shared by the admin page, <c>kneespine audit</c> and FHIR AuditEvent search.</summary>
public static class AuditSearch
{
    /// <summary>The events that match <paramref name="filter"/>, in no particular order.</summary>
    public static IQueryable<AuditEvent> Matching(this IQueryable<AuditEvent> events, AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.PatientId is { } patient)
        {
            events = events.Where(e => e.PatientId == patient);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var exact = filter.User.Trim();
            var term = exact.ToUpperInvariant();
            events = events.Where(e => e.UserName.ToUpper().Contains(term) || e.UserId == exact);
        }

        if (filter.Action is { } action)
        {
            events = events.Where(e => e.Action == action);
        }

        if (filter.Outcome is { } outcome)
        {
            events = events.Where(e => e.Outcome == outcome);
        }

        if (filter.From is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        if (filter.Until is { } until)
        {
            events = events.Where(e => e.OccurredAt < until);
        }

        return events;
    }

    /// <summary>Newest first; events of the same instant in the reverse order they were written.</summary>
    public static IOrderedQueryable<AuditEvent> NewestFirst(this IQueryable<AuditEvent> events) =>
        events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
}
