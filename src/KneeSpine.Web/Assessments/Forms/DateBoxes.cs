using System.Globalization;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>
/// The day, month and year boxes of a date question (the GOV.UK date input pattern): their names, and how they
/// join into the ISO date the engine reads.
/// </summary>
public static class DateBoxes
{
    /// <summary>The boxes, in the order people write a date here ("7 December 2026").</summary>
    public static IReadOnlyList<string> Parts { get; } = ["day", "month", "year"];

    /// <summary>The control name of one box, e.g. <c>surgery.date.day</c>.</summary>
    public static string Name(string path, string part) => path + "." + part;

    /// <summary>Whether a posted name is one of the boxes of a date field.</summary>
    public static bool IsPartName(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 && Parts.Contains(name[(dot + 1)..], StringComparer.Ordinal)
            && Engine.Input.InputFields.TryGet(name[..dot], out var field) && field.Kind == Engine.Input.FieldKind.Date;
    }

    /// <summary>
    /// The date the boxes give: an ISO date when they make a real one, an empty string when all are blank, the
    /// typed text (which the engine rejects, naming the field) otherwise; <see langword="null"/> when the boxes were not posted.
    /// </summary>
    public static string? Join(string path, IReadOnlyDictionary<string, string> typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (!Parts.Any(p => typed.ContainsKey(Name(path, p))))
        {
            return null;
        }

        var day = typed.GetValueOrDefault(Name(path, "day"), string.Empty);
        var month = typed.GetValueOrDefault(Name(path, "month"), string.Empty);
        var year = typed.GetValueOrDefault(Name(path, "year"), string.Empty);
        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
        {
            return string.Empty;
        }

        return int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && year.Length == 4 && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y < 1 ? 1 : y, m) && y >= 1
            ? new DateOnly(y, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : $"{year}-{month}-{day}";
    }

    /// <summary>One part of an ISO date, without leading zeros ("2026-03-07" has day "7"); empty when the date is not ISO.</summary>
    public static string Part(string isoDate, string part)
    {
        if (!DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return string.Empty;
        }

        var number = part switch { "day" => date.Day, "month" => date.Month, _ => date.Year };
        return number.ToString(CultureInfo.InvariantCulture);
    }
}
