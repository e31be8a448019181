using System.Diagnostics;

namespace KneeSpine.Cli.Tests.Processes;

/// <summary>The real built <c>kneespine</c> executable (kneespine.dll is copied beside the tests by the project reference).</summary>
internal static class KneeSpineExecutable
{
    public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "kneespine.dll");

    /// <summary>Everything redirected; <paramref name="environment"/> added to this process's own.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs one command to its end: exit code, standard output and standard error.</summary>
    public static Task<(int Code, string Output, string Error)> RunAsync(
        string? standardInput, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunInAsync(null, standardInput, environment, args);

    /// <summary>Runs one command to its end in <paramref name="workingDirectory"/> (null: this process's own).</summary>
    public static async Task<(int Code, string Output, string Error)> RunInAsync(
        string? workingDirectory, string? standardInput, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(args, environment, workingDirectory))!;
        var cancel = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(cancel);
        var error = process.StandardError.ReadToEndAsync(cancel);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancel);
        }

        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
