using System.Globalization;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Reports;

/// <summary>
/// Which patients a report covers: surgery date from/to (inclusive) and optional age band, sex, anaesthesia, procedure
/// and side. Written in URLs, CSV links and the CLI with the same names and the specification's codes.
/// </summary>
public sealed record ReportFilter
{
    public static ReportFilter All { get; } = new();

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public AgeBand? Age { get; init; }

    public Sex? Sex { get; init; }

    public Anesthesia? Anesthesia { get; init; }

    public SurgeryProcedure? Procedure { get; init; }

    public SurgerySide? Side { get; init; }

    /// <summary>The parameter names, as the page's form and the CSV links use them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["from", "to", "age", "sex", "anaesthesia", "procedure", "side"];

    public bool IsEmpty => this == All;

    /// <summary>
    /// Reads a filter from named text values (a query string); an empty value means "any". Every problem is returned
    /// keyed by the parameter's name, in words a person can act on.
    /// </summary>
    public static (ReportFilter Filter, IReadOnlyDictionary<string, string> Errors) Parse(Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = new ReportFilter
        {
            From = Date("from", value("from"), errors),
            To = Date("to", value("to"), errors),
            Age = Text(value("age")) is { } age ? AgeBands.TryParse(age, out var band) ? band : Error<AgeBand>(errors, "age", age, AgeBands.All.Select(AgeBands.Code)) : null,
            Sex = CodeOf<Sex>("sex", value("sex"), errors),
            Anesthesia = CodeOf<Anesthesia>("anaesthesia", value("anaesthesia"), errors),
            Procedure = CodeOf<SurgeryProcedure>("procedure", value("procedure"), errors),
            Side = CodeOf<SurgerySide>("side", value("side"), errors),
        };
        if (filter.From is { } from && filter.To is { } to && to < from)
        {
            errors["to"] = "The 'to' surgery date must be on or after the 'from' date.";
        }

        return (filter, errors);
    }

    /// <summary>The filter as name/value pairs with the codes <see cref="Parse"/> reads, empty ones left out.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToPairs()
    {
        if (From is { } from)
        {
            yield return new("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (To is { } to)
        {
            yield return new("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (Age is { } age)
        {
            yield return new("age", AgeBands.Code(age));
        }

        if (Sex is { } sex)
        {
            yield return new("sex", Code<Sex>.ToCode(sex));
        }

        if (Anesthesia is { } anesthesia)
        {
            yield return new("anaesthesia", Code<Anesthesia>.ToCode(anesthesia));
        }

        if (Procedure is { } procedure)
        {
            yield return new("procedure", Code<SurgeryProcedure>.ToCode(procedure));
        }

        if (Side is { } side)
        {
            yield return new("side", Code<SurgerySide>.ToCode(side));
        }
    }

    /// <summary>The filter as a query string (with its leading '?'), or empty.</summary>
    public string ToQueryString() =>
        ToPairs().Any() ? "?" + string.Join('&', ToPairs().Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value))) : "";

    private static string? Text(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    private static DateOnly? Date(string name, string? raw, Dictionary<string, string> errors)
    {
        if (Text(raw) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[name] = $"'{text}' is not a date; write the surgery date as YYYY-MM-DD, for example 2026-03-01.";
        return null;
    }

    private static TCode? CodeOf<TCode>(string name, string? raw, Dictionary<string, string> errors) where TCode : struct, Enum =>
        Text(raw) is not { } text ? null
        : Code<TCode>.TryParse(text, out var value) ? value
        : Error<TCode>(errors, name, text, Code<TCode>.All);

    private static T? Error<T>(Dictionary<string, string> errors, string name, string text, IEnumerable<string> allowed) where T : struct
    {
        errors[name] = $"'{text}' is not a {name}; use one of: {string.Join(", ", allowed)}.";
        return null;
    }
}
