using System.CommandLine.Parsing;
using System.Globalization;

namespace KneeSpine.Cli.Audit;

/// <summary>Parsers for <c>kneespine audit</c>'s time options (a date or an instant) that name the option and the expected form in their error.</summary>
internal static class AuditArguments
{
    /// <summary>A date (the start of that UTC day) or an instant with its time zone.</summary>
    public static DateTimeOffset? Since(ArgumentResult result) => Instant(result, "--since", endOfDay: false);

    /// <summary>A date (up to the end of that UTC day) or an instant with its time zone (up to it, not including it).</summary>
    public static DateTimeOffset? Until(ArgumentResult result) => Instant(result, "--until", endOfDay: true);

    private static DateTimeOffset? Instant(ArgumentResult result, string option, bool endOfDay)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset((endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        if (text.Length > 10 && text[10] == 'T' && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        result.AddError($"{option}: '{text}' is not a date; use YYYY-MM-DD (UTC) or an instant like 2026-11-25T10:00:00Z.");
        return null;
    }
}
