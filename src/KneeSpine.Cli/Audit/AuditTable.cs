using System.Globalization;
using System.Text;
using KneeSpine.Engine.Codes;
using KneeSpine.Store.Audit;

namespace KneeSpine.Cli.Audit;

/// <summary>Audit events as a plain table for people: aligned columns, newest first, times in UTC.</summary>
/// <remarks>
/// Control characters in stored text (a name typed at the sign-in page, a user agent) are shown as <c>?</c>, so no
/// event can move the cursor or recolour the terminal of the person reading it.
/// </remarks>
internal static class AuditTable
{
    private static readonly string[] Headings = ["TIME (UTC)", "OUTCOME", "ACTION", "USER", "PATIENT", "RESOURCE", "DETAIL"];

    public static async Task WriteAsync(TextWriter output, IReadOnlyList<AuditEvent> events)
    {
        if (events.Count == 0)
        {
            await output.WriteLineAsync("No audit events match.").ConfigureAwait(false);
            return;
        }

        var rows = events.Select(Cells).ToList();
        var widths = Headings.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        await output.WriteLineAsync(Line(Headings, widths)).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await output.WriteLineAsync(Line(row, widths)).ConfigureAwait(false);
        }
    }

    private static string[] Cells(AuditEvent e) =>
    [
        e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        Code<AuditOutcome>.ToCode(e.Outcome) + (e.StatusCode is { } status ? " " + status.ToString(CultureInfo.InvariantCulture) : ""),
        Code<AuditAction>.ToCode(e.Action),
        Safe(e.UserName + (e.Role is { } role ? $" ({role})" : "") + (e.Client is { } client ? $" via {client}" : "")),
        e.PatientId?.ToString() ?? "-",
        Safe(e.Resource ?? "-"),
        Safe(e.Detail ?? ""),
    ];

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
