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

    /// <summary>
    /// Runs a program to its end; it is stopped only when it has made no progress (no output and no processor time
    /// used by it or its children) for <paramref name="stall"/>. Its output is kept for the failure message.
    /// </summary>
    public static Task<(int Code, string Output)> RunAsync(string program, IEnumerable<string> args, TimeSpan stall)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Root };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return RunAsync(start, stall);
    }

    /// <summary>
    /// Runs <paramref name="start"/> to its end, standard output and error together. On a busy machine a build may take
    /// an hour and still be healthy, so the limit is on a stretch without progress, never on the total time.
    /// </summary>
    public static async Task<(int Code, string Output)> RunAsync(ProcessStartInfo start, TimeSpan stall)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var reading = Task.WhenAll(Pump(process.StandardOutput, output), Pump(process.StandardError, output));
        var progress = (-1L, -1);
        var lastProgress = Stopwatch.StartNew();
        while (!process.WaitForExit(TimeSpan.FromSeconds(2)))
        {
            int length;
            lock (output)
            {
                length = output.Length;
            }

            var now = (ProcessTree.CpuTicks(process.Id), length);
            if (now != progress)
            {
                progress = now;
                lastProgress.Restart();
            }
            else if (lastProgress.Elapsed > stall)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} made no progress for {stall}:\n{output}");
            }
        }

        await process.WaitForExitAsync();
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
