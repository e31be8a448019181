using KneeSpine.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KneeSpine.Cli.Hosting;

/// <summary>
/// The app's services without its web server, for commands that work on the database (<c>user add</c>, <c>token create</c>).
/// The data directory is the <c>--data</c> given, or the default when null (<see cref="DataOption"/>). Logs go to standard error so standard output carries only the command's answer.
/// </summary>
internal static class CliServices
{
    /// <summary>
    /// Opens the app's services on the data directory, runs <paramref name="work"/> in one scope with the time the
    /// command started (for its audit event), and closes them again; the work's exit code is the command's.
    /// </summary>
    public static async Task<int> RunAsync(string? dataDirectory, Func<IServiceProvider, DateTimeOffset, Task<int>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var app = await OpenAsync(dataDirectory, cancellationToken).ConfigureAwait(false);
        await using (app.ConfigureAwait(false))
        {
            var scope = app.Services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                return await work(scope.ServiceProvider, CliAudit.Now(scope.ServiceProvider)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The services with the database brought up to date (migrated), as the server would.</summary>
    public static async Task<WebApplication> OpenAsync(string? dataDirectory, CancellationToken cancellationToken)
    {
        var app = Build(dataDirectory);
        try
        {
            await KneeSpineDatabase.PrepareAsync(app.Services, bootstrapAdmin: false, cancellationToken).ConfigureAwait(false);
            return app;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The services without touching the database (backup and restore look before anything is created or migrated).</summary>
    public static WebApplication Build(string? dataDirectory)
    {
        var builder = KneeSpineWebHost.CreateBuilder(DataOption.HostArguments(dataDirectory));
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder.Build();
    }
}
