using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Xml.Linq;

namespace KneeSpine.Cli.Tests.Release;

/// <summary>The source tree these tests were built from (recorded at build time), and running tools in it.</summary>
internal static class SourceTree
{
    public static string Root { get; } = Metadata("SourceRoot");

    /// <summary>Debug or Release: the build the tests run in, which a publish without a build reuses.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>The product version from its one place, <c>Directory.Build.props</c>.</summary>
    public static string Version { get; } =
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("Version").Single().Value;

    /// <summary>Runs a program to its end (bounded by <paramref name="limit"/>); its output is kept for the failure message.</summary>
    public static Task<(int Code, string Output)> RunAsync(string program, IEnumerable<string> args, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Root };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return RunAsync(start, limit);
    }

    /// <summary>Runs <paramref name="start"/> to its end (bounded), standard output and error together.</summary>
    public static async Task<(int Code, string Output)> RunAsync(ProcessStartInfo start, TimeSpan limit)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var reading = Task.WhenAll(Pump(process.StandardOutput, output), Pump(process.StandardError, output));
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} ran longer than {limit}:\n{output}");
        }

        await reading;
        return (process.ExitCode, output.ToString());
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (into)
            {
                into.AppendLine(line);
            }
        }
    }

    private static string Metadata(string key) =>
        typeof(SourceTree).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
