using System.CommandLine;
using KneeSpine.Cli.Backups;
using KneeSpine.Cli.Hosting;
using KneeSpine.Store.Database;
using KneeSpine.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KneeSpine.Cli.Serve;

/// <summary><c>kneespine serve [--urls URLS] [--data DIR] [--demo]</c>: runs the clinic web app until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on.", DefaultValueFactory = _ => KneeSpineWebHost.DefaultUrl };
        var data = DataOption.Create();
        var demo = new Option<bool>("--demo") { Description = "Add fictional demo patients (once) so there is something to look at." };

        var serve = new Command("serve", "Run the web app (SQLite under --data unless PostgreSQL is configured); migrates the database at start.") { urls, data, demo };
        serve.SetAction(async (parse, cancellationToken) =>
        {
            string[] args =
            [
                $"--urls={parse.GetRequiredValue(urls)}",
                .. DataOption.HostArguments(parse.GetValue(data)),
                $"--KneeSpine:Demo={(parse.GetValue(demo) ? "true" : "false")}",
            ];
            var app = KneeSpineWebHost.Build(args);
            await using (app.ConfigureAwait(false))
            {
                // One server per SQLite database, and a restore can tell it is in use (Backups/ServerLock).
                var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                using var serverLock = options.Provider == DatabaseProvider.Sqlite ? ServerLock.TryAcquire(SqliteFiles.DatabaseFile(options)) : null;
                if (options.Provider == DatabaseProvider.Sqlite && serverLock is null)
                {
                    console.WriteError($"the database {SqliteFiles.DatabaseFile(options)} is in use by another 'kneespine serve' or a restore; one server per SQLite database.");
                    return ExitCodes.Failure;
                }

                await HostingAbstractionsHostExtensions.RunAsync(app, cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return serve;
    }
}
