using System.Globalization;

namespace KneeSpine.Web.Reports;

/// <summary>
/// Small-cell suppression (<see cref="ReportsOptions.MinimumCellSize"/>): a count from 1 to one less than the minimum
/// is shown as "&lt;N"; a share or a median computed from fewer than the minimum is not shown; zero is shown, since
/// it points at nobody.
/// </summary>
public sealed class SmallCells(int minimum)
{
    public int Minimum => minimum;

    /// <summary>What a suppressed figure reads as.</summary>
    public string Hidden => "<" + minimum.ToString(CultureInfo.InvariantCulture);

    public bool Hides(long count) => count > 0 && count < minimum;

    public ReportCell Count(long count) =>
        Hides(count) ? new ReportCell(Hidden, null, Suppressed: true) : new ReportCell(count.ToString("N0", CultureInfo.InvariantCulture), count);

    /// <summary>A percentage to one decimal of <paramref name="part"/> in <paramref name="whole"/>; hidden when either count is.</summary>
    public ReportCell Percent(long part, long whole) =>
        whole == 0 ? new ReportCell("", null)
        : Hides(part) || Hides(whole) ? new ReportCell(Hidden, null, Suppressed: true)
        : Value(Math.Round(100.0 * part / whole, 1, MidpointRounding.AwayFromZero), "0.0");

    /// <summary>A figure computed from <paramref name="basis"/> people or assessments; hidden when the basis is.</summary>
    public ReportCell Statistic(double? value, long basis) =>
        value is null || basis == 0 ? new ReportCell("", null)
        : basis < minimum ? new ReportCell(Hidden, null, Suppressed: true)
        : Value(value.Value, "0.#");

    private static ReportCell Value(double value, string format) => new(value.ToString(format, CultureInfo.InvariantCulture), value);
}
