namespace KneeSpine.Web.Reports;

/// <summary>
/// The report's definition of persistent back pain at a time point (docs/reports.md): at the patient's latest current
/// assessment within seven days either side of the time point, back pain now is 4 or more, the specification's moderate
/// and severe bands.
/// </summary>
public static class PersistentBackPain
{
    /// <summary>The lowest score counted as persistent pain (start of the moderate band).</summary>
    public const int Threshold = 4;

    /// <summary>Days either side of the time point an assessment may fall on.</summary>
    public const int WindowDays = 7;

    /// <summary>The time points, in weeks since surgery.</summary>
    public static IReadOnlyList<int> Weeks { get; } = [6, 12];

    public static (int First, int Last) Window(int week) => ((week * 7) - WindowDays, (week * 7) + WindowDays);
}
