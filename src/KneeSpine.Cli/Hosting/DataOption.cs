using System.CommandLine;
using KneeSpine.Store.Database;
using Microsoft.AspNetCore.Builder;

namespace KneeSpine.Cli.Hosting;

/// <summary>
/// The one <c>--data DIR</c> option of every command that works on the data directory (serve, user, token, patient,
/// import, export, audit, backup, restore). Without it a command uses what the server would use: the setting
/// <c>KneeSpine:DataDirectory</c> (environment <c>KneeSpine__DataDirectory</c>, or appsettings.json in the current
/// folder), else <c>./kneespine-data</c> under the current folder; so commands run from one place, or with one
/// environment, share one database.
/// </summary>
internal static class DataOption
{
    public static Option<string?> Create() => new("--data")
    {
        HelpName = "DIR",
        Description = $"Data directory (SQLite database and files); give the one 'kneespine serve' uses. Default: {DataDirectory.Key} "
            + $"(environment KneeSpine__DataDirectory), else ./{DataDirectory.Default}. PostgreSQL is chosen by configuration (KneeSpine__Database__Provider).",
    };

    /// <summary>Host arguments that point the app at <paramref name="directory"/>; none when it was not given.</summary>
    public static string[] HostArguments(string? directory) =>
        directory is null ? [] : [$"--{DataDirectory.Key}={Path.GetFullPath(directory)}"];

    /// <summary>The full path of the data directory the app would use with <paramref name="directory"/> as <c>--data</c>.</summary>
    public static string Resolve(string? directory) =>
        DataDirectory.Resolve(WebApplication.CreateBuilder(new WebApplicationOptions { Args = HostArguments(directory) }).Configuration);
}
