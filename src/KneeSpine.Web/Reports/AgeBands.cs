namespace KneeSpine.Web.Reports;

/// <summary>The age bands' bounds, codes (used in URLs, CSV and the CLI) and labels.</summary>
public static class AgeBands
{
    public static IReadOnlyList<AgeBand> All { get; } = Enum.GetValues<AgeBand>();

    /// <summary>Inclusive bounds in whole years.</summary>
    public static (int Min, int Max) Bounds(AgeBand band) => band switch
    {
        AgeBand.Under55 => (0, 54),
        AgeBand.From55To64 => (55, 64),
        AgeBand.From65To74 => (65, 74),
        AgeBand.From75To84 => (75, 84),
        _ => (85, 200),
    };

    public static string Code(AgeBand band) => band switch
    {
        AgeBand.Under55 => "under-55",
        AgeBand.From55To64 => "55-64",
        AgeBand.From65To74 => "65-74",
        AgeBand.From75To84 => "75-84",
        _ => "85-plus",
    };

    public static string Label(AgeBand band) => band switch
    {
        AgeBand.Under55 => "Under 55",
        AgeBand.From85 => "85 and over",
        _ => Code(band),
    };

    public static bool TryParse(string? code, out AgeBand band)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Code(candidate), code, StringComparison.OrdinalIgnoreCase))
            {
                band = candidate;
                return true;
            }
        }

        band = default;
        return false;
    }

    /// <summary>Whole years from <paramref name="born"/> to <paramref name="on"/>.</summary>
    public static int YearsBetween(DateOnly born, DateOnly on)
    {
        var years = on.Year - born.Year;
        return on < born.AddYears(years) ? years - 1 : years;
    }
}
