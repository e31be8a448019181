using System.CommandLine;
using KneeSpine.Store.Database;

namespace KneeSpine.Cli.Hosting;

/// <summary>The <c>--data DIR</c> option shared by every command that opens the database.</summary>
internal static class DataOption
{
    public static Option<string> Create() => new("--data")
    {
        Description = $"Data directory (SQLite database and files); default ./{DataDirectory.Default}. PostgreSQL is chosen by configuration (KneeSpine__Database__Provider).",
        DefaultValueFactory = _ => DataDirectory.Default,
    };

    /// <summary>Host arguments that point the app at <paramref name="directory"/>.</summary>
    public static string HostArgument(string directory) => $"--{DataDirectory.Key}={Path.GetFullPath(directory)}";
}
