namespace KneeSpine.Web.Reports;

/// <summary>
/// A report table, already suppressed: the page, the CSV download, <c>kneespine report</c> and the charts all draw
/// from these, so no output can show a figure another one hides.
/// </summary>
/// <param name="Id">Stable name, used in the CSV's URL and file name and as the CLI's JSON key.</param>
public sealed record ReportTable(string Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows)
{
    /// <summary>The numbers of column <paramref name="column"/>, row by row (null where suppressed or empty).</summary>
    public IEnumerable<double?> Numbers(int column) => Rows.Select(r => r[column].Number);
}
