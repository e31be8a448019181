using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KneeSpine.Cli.Tests.Release;

/// <summary>
/// Starts a program as on a machine without .NET: an empty environment (no <c>DOTNET_ROOT</c>, a <c>PATH</c> with no
/// <c>dotnet</c>), and, when this runs as root with <c>unshare</c>, in its own mount namespace where the .NET
/// installation is covered by an empty file system, so nothing in it could be loaded even by a fixed path.
/// </summary>
internal static class WithoutDotnet
{
    /// <summary>Where this test process's own .NET lives (e.g. /usr/share/dotnet).</summary>
    public static string DotnetRoot { get; } = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>Whether the installation is hidden by a mount namespace (root with util-linux), not only by the environment.</summary>
    public static bool HidesInstallation { get; } = Environment.UserName == "root" && File.Exists(Unshare) && File.Exists(Mount);

    private const string Unshare = "/usr/bin/unshare";
    private const string Mount = "/usr/bin/mount";

    public static ProcessStartInfo StartInfo(string program, string workingDirectory, params string[] args)
    {
        ProcessStartInfo start;
        if (HidesInstallation)
        {
            start = new ProcessStartInfo(Unshare) { WorkingDirectory = workingDirectory };
            // unshare and sh exec in place, so the process started is, in the end, the program itself.
            foreach (var arg in new[] { "--mount", "--propagation", "private", "/bin/sh", "-c", $"{Mount} -t tmpfs none \"$0\" && exec \"$@\"", DotnetRoot, program })
            {
                start.ArgumentList.Add(arg);
            }
        }
        else
        {
            start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory };
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = workingDirectory;
        start.Environment["HOME"] = workingDirectory;
        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    /// <summary>The files a running process has mapped (its code and libraries), from /proc.</summary>
    public static IReadOnlyList<string> MappedFiles(int processId) =>
        [.. File.ReadAllLines($"/proc/{processId}/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].StartsWith('/'))
            .Select(fields => fields[5].Trim())
            .Distinct(StringComparer.Ordinal)];
}
