using KneeSpine.Store.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KneeSpine.Web.FollowUps;

/// <summary>
/// One pass of the reminder job: for each patient with an email who has not opted out, the latest check-in due and not
/// done gets reminder 1, then reminder 2 once <see cref="FollowUpOptions.RemindAgainAfterDays"/> have passed since
/// reminder 1 was enqueued. Messages go to the durable outbox; its unique deduplication key makes a second run, or a
/// second node running at the same moment, add nothing.
/// </summary>
public sealed partial class FollowUpReminders(KneeSpineDbContext db, FollowUpCalendar calendar, ILogger<FollowUpReminders> logger)
{
    /// <summary>Enqueues the reminders due at <paramref name="now"/>; the number enqueued by this call.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var options = calendar.Options;
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            // Without it the link could not work; check-ins stay due, so reminders go out at the first run once it is set.
            LogNoPublicBaseUrl(logger);
            return 0;
        }

        var today = calendar.DateOf(now);
        var rows = await FollowUpRow.Due(db, today, options, remindableOnly: true)
            .AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var due = rows
            .Select(r => (Row: r, CheckIn: FollowUpSchedule.ToRemind(r.SurgeryDate, r.LatestAssessedOn, today, options)))
            .Where(x => x.CheckIn is not null)
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(x => x.Row.PatientId).ToList();
        var sent = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == ReminderKey.Topic && m.PatientId != null && ids.Contains(m.PatientId.Value))
            .Select(m => new { m.DeduplicationKey, m.CreatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var sentAt = sent.Where(s => s.DeduplicationKey is not null).ToDictionary(s => s.DeduplicationKey!, s => s.CreatedAt, StringComparer.Ordinal);

        var enqueued = 0;
        foreach (var (row, checkIn) in due)
        {
            var first = new ReminderKey(row.PatientId, checkIn!.DueOn, 1);
            var second = first with { Number = 2 };
            ReminderKey? next = null;
            if (!sentAt.TryGetValue(first.ToString(), out var firstAt))
            {
                next = first;
            }
            else if (!sentAt.ContainsKey(second.ToString()) && calendar.DateOf(firstAt).AddDays(options.RemindAgainAfterDays) <= today)
            {
                next = second;
            }

            if (next is not null && await TryEnqueueAsync(ReminderMessage.Create(next, row.Email!, options.PublicBaseUrl, now), cancellationToken).ConfigureAwait(false))
            {
                enqueued++;
            }
        }

        if (enqueued > 0)
        {
            LogEnqueued(logger, enqueued, today);
        }

        return enqueued;
    }

    /// <summary>Adds one message in its own save: a key another run or node has just written is skipped, not an error.</summary>
    private async Task<bool> TryEnqueueAsync(Store.Notifications.OutboxMessage message, CancellationToken cancellationToken)
    {
        var entry = db.OutboxMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException error) when (IsDuplicateKey(error))
        {
            entry.State = EntityState.Detached;
            return false;
        }
    }

    private static bool IsDuplicateKey(DbUpdateException error) => error.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "KneeSpine:PublicBaseUrl is not set, so follow-up reminders are not sent (their link would not work).")]
    private static partial void LogNoPublicBaseUrl(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enqueued {Count} follow-up reminder(s) for {Today}.")]
    private static partial void LogEnqueued(ILogger logger, int count, DateOnly today);
}
