using KneeSpine.Cli.Hosting;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KneeSpine.Cli.Backups;

/// <summary>The first and last steps that backup and restore share.</summary>
internal static class SqliteCommandSteps
{
    /// <summary>The SQLite database file of the app's settings; null (with <paramref name="postgresAdvice"/> on standard error) for PostgreSQL.</summary>
    public static string? DatabaseFileOrRefuse(WebApplication app, CliConsole console, string postgresAdvice)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            console.WriteError(postgresAdvice);
            return null;
        }

        return SqliteFiles.DatabaseFile(options);
    }

    /// <summary>Says what was done, then records it in the audit trail of the database now in place (migrated first, as a start would).</summary>
    public static async Task<int> FinishAsync(WebApplication app, CliConsole console, DateTimeOffset started, AuditAction action, string resource,
        string summary, CancellationToken cancellationToken)
    {
        await console.Out.WriteLineAsync(summary).ConfigureAwait(false);
        await KneeSpineDatabase.PrepareAsync(app.Services, bootstrapAdmin: false, cancellationToken).ConfigureAwait(false);
        return await CliAudit.RecordAsync(app.Services, console, started, action, AuditOutcome.Success, resource, summary).ConfigureAwait(false)
            ? ExitCodes.Success
            : ExitCodes.Failure;
    }
}
