namespace KneeSpine.Web.Reports;

/// <summary>One outcomes report for one filter: the headline counts and every table, suppressed (docs/reports.md).</summary>
/// <param name="Patients">Patients in the filter (null when hidden: fewer than the minimum cell size).</param>
/// <param name="Assessments">Current assessments in the filter (null when hidden).</param>
/// <param name="DataAsOf">When the newest assessment the report could see was stored; null when there is none.</param>
/// <param name="GeneratedAt">When the report was computed.</param>
/// <param name="TooFew">Fewer patients than the minimum match the filter, so no table is shown.</param>
public sealed record OutcomesReport(
    ReportFilter Filter,
    long? Patients,
    long? Assessments,
    DateTimeOffset? DataAsOf,
    DateTimeOffset GeneratedAt,
    int MinimumCellSize,
    bool TooFew,
    IReadOnlyList<ReportTable> Tables)
{
    public ReportTable? Table(string id) => Tables.FirstOrDefault(t => t.Id == id);
}
