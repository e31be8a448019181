using System.Globalization;
using CsvHelper;

namespace KneeSpine.Web.Reports;

/// <summary>A report table as RFC 4180 CSV (CsvHelper): a header row, then each row's cells as the page shows them ("&lt;5" where suppressed).</summary>
public static class ReportCsv
{
    public static void Write(ReportTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var csv = CsvWriter.Create(writer, options: null, leaveOpen: true);
        csv.WriteRecord([.. table.Columns]);
        foreach (var row in table.Rows)
        {
            // Raw numbers (no thousands separators) so a spreadsheet reads them as numbers.
            csv.WriteRecord([.. row.Select(cell => cell.Number is { } n && !cell.Suppressed ? n.ToString(CultureInfo.InvariantCulture) : cell.Text)]);
        }
    }

    public static string ToText(ReportTable table)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(table, writer);
        return writer.ToString();
    }

    /// <summary>The download's file name: <c>kneespine-{table}.csv</c>.</summary>
    public static string FileName(string tableId) => $"kneespine-{tableId}.csv";
}
