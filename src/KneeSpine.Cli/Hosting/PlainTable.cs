using System.Text;

namespace KneeSpine.Cli.Hosting;

/// <summary>Rows as a plain table for people: aligned columns, no borders, nothing for a terminal to interpret.</summary>
/// <remarks>
/// Control characters in stored text (a name typed at a page, a user agent) are shown as <c>?</c>, so no row can move
/// the cursor or recolour the terminal of the person reading it.
/// </remarks>
internal static class PlainTable
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headings);
        ArgumentNullException.ThrowIfNull(rows);
        var cells = rows.Select(r => r.Select(Safe).ToList()).ToList();
        var widths = headings.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        await output.WriteLineAsync(Line(headings, widths)).ConfigureAwait(false);
        foreach (var row in cells)
        {
            await output.WriteLineAsync(Line(row, widths)).ConfigureAwait(false);
        }
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            line.Append(i == cells.Count - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        return line.ToString().TrimEnd();
    }

    private static string Safe(string text) =>
        text.Any(char.IsControl) ? string.Concat(text.Select(c => char.IsControl(c) ? '?' : c)) : text;
}
