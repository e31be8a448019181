using Microsoft.Extensions.Options;

namespace KneeSpine.Web.FollowUps;

/// <summary>
/// The schedule against the clinic's calendar: "today" is the date in the server's local time zone (as the clinic's
/// pages date an assessment), so a check-in due on a date turns overdue at the clinic's midnight, not UTC's.
/// </summary>
public sealed class FollowUpCalendar(IOptions<FollowUpOptions> options, TimeProvider time)
{
    public FollowUpOptions Options => options.Value;

    public DateOnly Today => DateOf(time.GetUtcNow());

    /// <summary>The clinic's date at <paramref name="instant"/>.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, time.LocalTimeZone).DateTime);

    /// <summary>The earliest check-in not done as of today, or null.</summary>
    public NextFollowUp? Next(DateOnly? surgeryDate, DateOnly? latestAssessedOn) =>
        FollowUpSchedule.Next(surgeryDate, latestAssessedOn, Today, Options);
}
