using KneeSpine.Fhir.Audit;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Hosting;

/// <summary>
/// Writes what a command did to the audit trail: the operating-system user as who, <c>kneespine-cli</c> as the
/// client. The work is done first; when the event cannot be stored the command says so and exits 1.
/// </summary>
internal static class CliAudit
{
    /// <summary>Appends the event; false (with a message on standard error) when it could not be stored.</summary>
    public static async Task<bool> RecordAsync(IServiceProvider services, CliConsole console, DateTimeOffset started, AuditAction action, AuditOutcome outcome,
        string resource, string? detail = null, Guid? patientId = null, Guid? tokenId = null)
    {
        var stored = await services.GetRequiredService<AuditLog>().TryRecordAsync(new AuditEvent
        {
            OccurredAt = started,
            Action = action,
            Outcome = outcome,
            UserName = Environment.UserName,
            Client = AuditEntry.CommandLineClient,
            Resource = "kneespine " + resource,
            Detail = detail,
            PatientId = patientId,
            TokenId = tokenId,
        }).ConfigureAwait(false);
        if (!stored)
        {
            console.WriteError("the work is done, but it could not be written to the audit trail; the event is in the log above.");
        }

        return stored;
    }

    /// <summary>The clock of the app's services (a test's fake clock, or the system's).</summary>
    public static DateTimeOffset Now(IServiceProvider services) => services.GetRequiredService<TimeProvider>().GetUtcNow();
}
