using System.Text;

namespace KneeSpine.Cli.Tests;

/// <summary>The outcome of one in-process run of <c>kneespine</c>.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <c>kneespine</c> in-process with the same commands as the real executable.</summary>
    public static async Task<CliRun> RunAsync(byte[] standardInput, bool terminal, bool noColor, params string[] args)
    {
        using var input = new MemoryStream(standardInput);
        using var output = new MemoryStream();
        using var error = new StringWriter();
        int code;
        using (var console = new CliConsole(input, output, error, terminal, noColor, terminalWidth: 100))
        {
            code = await CliApp.RunAsync(args, console, CliCommands.All, TestContext.Current.CancellationToken);
        }

        return new CliRun(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync([], false, false, args);

    public static Task<CliRun> RunWithInputAsync(string standardInput, params string[] args) =>
        RunAsync(Encoding.UTF8.GetBytes(standardInput), false, false, args);

    /// <summary>Whether anything looks like a .NET stack trace ("   at Namespace.Type.Method(...)").</summary>
    public bool PrintedStackTrace =>
        Error.Contains("   at ", StringComparison.Ordinal) || Output.Contains("   at ", StringComparison.Ordinal)
        || Error.Contains("Exception", StringComparison.Ordinal);
}
