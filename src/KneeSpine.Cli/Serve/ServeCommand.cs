using System.CommandLine;
using KneeSpine.Cli.Hosting;
using KneeSpine.Web.Hosting;
using Microsoft.Extensions.Hosting;

namespace KneeSpine.Cli.Serve;

/// <summary><c>kneespine serve [--urls URLS] [--data DIR] [--demo]</c>: runs the clinic web app until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create()
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
                await HostingAbstractionsHostExtensions.RunAsync(app, cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return serve;
    }
}
