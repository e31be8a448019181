using KneeSpine.Store.Database;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.FollowUps;

/// <summary>Who is due for a check-in (the clinic's list, the CLI), and the patient's reminder preference.</summary>
public sealed class FollowUpService(KneeSpineDbContext db, FollowUpCalendar calendar)
{
    /// <summary>Patients whose earliest check-in not done is due on or before <paramref name="asOf"/>, most overdue first.</summary>
    public async Task<IReadOnlyList<DueFollowUp>> DueAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var options = calendar.Options;
        var rows = await FollowUpRow.Due(db, asOf, options).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var due = rows
            .Select(r => (Row: r, Next: FollowUpSchedule.Next(r.SurgeryDate, r.LatestAssessedOn, asOf, options)))
            .Where(x => x.Next is { } next && next.DueOn <= asOf)
            .ToList();
        var ids = due.Select(x => x.Row.PatientId).ToList();
        var keys = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == ReminderKey.Topic && m.PatientId != null && ids.Contains(m.PatientId.Value))
            .Select(m => m.DeduplicationKey)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var reminders = keys.Select(ReminderKey.Parse).OfType<ReminderKey>().ToLookup(k => k.PatientId);
        return [.. due
            .Select(x => new DueFollowUp(
                x.Row.PatientId,
                x.Row.Name,
                x.Next!.Day,
                x.Next.DueOn,
                x.Next.Overdue,
                x.Next.DaysOverdue,
                // Every check-in from this one to asOf is still open, so a reminder about any of them is about this follow-up.
                reminders[x.Row.PatientId].Count(k => k.DueOn >= x.Next.DueOn && k.DueOn <= asOf),
                x.Row.Email is not null,
                x.Row.RemindersOptedOut))
            .OrderBy(d => d.DueOn)
            .ThenBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(d => d.PatientId)];
    }

    /// <summary>Switches the patient's reminder emails off or back on; false when there is no such patient.</summary>
    public async Task<bool> SetRemindersOptedOutAsync(Guid patientId, bool optedOut, CancellationToken cancellationToken = default)
    {
        // Through SaveChanges (not ExecuteUpdate) so SQLite's one-writer gate applies.
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken).ConfigureAwait(false);
        if (patient is null)
        {
            return false;
        }

        patient.RemindersOptedOut = optedOut;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
