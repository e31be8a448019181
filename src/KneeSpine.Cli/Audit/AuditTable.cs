using System.Globalization;
using KneeSpine.Cli.Hosting;
using KneeSpine.Engine.Codes;
using KneeSpine.Store.Audit;

namespace KneeSpine.Cli.Audit;

/// <summary>Audit events as a plain table for people (<see cref="PlainTable"/>): newest first, times in UTC.</summary>
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

        await PlainTable.WriteAsync(output, Headings, events.Select(Cells)).ConfigureAwait(false);
    }

    private static string[] Cells(AuditEvent e) =>
    [
        e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        Code<AuditOutcome>.ToCode(e.Outcome) + (e.StatusCode is { } status ? " " + status.ToString(CultureInfo.InvariantCulture) : ""),
        Code<AuditAction>.ToCode(e.Action),
        e.UserName + (e.Role is { } role ? $" ({role})" : "") + (e.Client is { } client ? $" via {client}" : ""),
        e.PatientId?.ToString() ?? "-",
        e.Resource ?? "-",
        e.Detail ?? "",
    ];
}
