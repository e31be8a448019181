using System.Globalization;

namespace KneeSpine.Web.ClinicIdentity;

/// <summary>
/// One way of writing dates and times on every page: in the clinic's time zone (<see cref="ClinicProfile.Local"/>),
/// day before month, month in words so "07/12" is never read two ways. Exports and APIs keep UTC.
/// </summary>
public static class ClinicTimeFormat
{
    /// <summary>A date in lists and tables, e.g. "7 Dec 2026".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date in a sentence or headline, e.g. "7 December 2026".</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>An instant as the clinic's wall clock shows it, e.g. "7 Dec 2026, 14:05".</summary>
    public static string Time(this ClinicProfile clinic, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        return clinic.Local(instant).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The machine-readable form for a <c>&lt;time datetime&gt;</c> attribute (ISO 8601 with the clinic's offset).</summary>
    public static string Iso(this ClinicProfile clinic, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        return clinic.Local(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>Today's date on the clinic's calendar (what "today" means for a patient or clinician there).</summary>
    public static DateOnly Today(this ClinicProfile clinic, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clinic.Local(clock.GetUtcNow()).DateTime);
    }

    /// <summary>The time zone as a reader knows it, e.g. "Europe/London", or "UTC".</summary>
    public static string ZoneName(this ClinicProfile clinic)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        return clinic.TimeZone == TimeZoneInfo.Utc ? "UTC" : clinic.TimeZone.Id;
    }
}
