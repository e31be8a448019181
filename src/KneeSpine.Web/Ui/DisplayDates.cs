using System.Globalization;

namespace KneeSpine.Web.Ui;

/// <summary>
/// The one way a date is written for people: "7 December 2026". Unambiguous in every English-speaking country
/// (07/12 is July in one and December in another), so forms, messages and pages all use it.
/// </summary>
public static class DisplayDates
{
    /// <summary>The pattern, e.g. "7 December 2026".</summary>
    public const string Pattern = "d MMMM yyyy";

    /// <summary>A date as people read it.</summary>
    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>The date part of an instant, as people read it (the caller converts to the clinic's time zone first).</summary>
    public static string Format(DateTimeOffset instant) => instant.ToString(Pattern, CultureInfo.InvariantCulture);
}
