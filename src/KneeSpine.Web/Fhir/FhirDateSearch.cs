using System.Globalization;

namespace KneeSpine.Web.Fhir;

/// <summary>
/// A FHIR <c>date</c> search value (<c>ge2026-11-01</c>, <c>lt2026-11-25T10:00:00Z</c>) as the half-open range of
/// instants it admits. A value stands for the whole period of its precision (a day, a month); dates are UTC days.
/// </summary>
internal static class FhirDateSearch
{
    public static (DateTimeOffset? From, DateTimeOffset? Until)? Parse(string value)
    {
        var prefix = value.Length > 2 && char.IsAsciiLetterLower(value[0]) ? value[..2] : "eq";
        var text = prefix == "eq" && !value.StartsWith("eq", StringComparison.Ordinal) ? value : value[2..];
        if (Period(text) is not { } period)
        {
            return null;
        }

        var (start, end) = period;
        return prefix switch
        {
            "eq" => (start, end),
            "ge" => (start, null),
            "gt" => (end, null),
            "le" => (null, end),
            "lt" => (null, start),
            _ => null,
        };
    }

    private static (DateTimeOffset Start, DateTimeOffset End)? Period(string text)
    {
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var culture = CultureInfo.InvariantCulture;
        switch (text.Length)
        {
            case 4 when DateTimeOffset.TryParseExact(text, "yyyy", culture, utc, out var year):
                return (year, year.AddYears(1));
            case 7 when DateTimeOffset.TryParseExact(text, "yyyy-MM", culture, utc, out var month):
                return (month, month.AddMonths(1));
            case 10 when DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", culture, utc, out var day):
                return (day, day.AddDays(1));
        }

        // An instant needs its time zone (FHIR); it stands for its second, or its fraction when one is given.
        if (text.Length > 10 && text[10] == 'T' && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, culture, DateTimeStyles.AdjustToUniversal, out var instant))
        {
            var precision = text.Contains('.', StringComparison.Ordinal) ? TimeSpan.FromTicks(1) : TimeSpan.FromSeconds(1);
            return (instant, instant + precision);
        }

        return null;
    }
}
