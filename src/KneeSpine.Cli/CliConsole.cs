using System.Text;

namespace KneeSpine.Cli;

/// <summary>
/// The standard streams a command uses, so commands run the same in the real process and in tests.
/// Commands write text to <see cref="Out"/>; bulk output (JSON, NDJSON) goes as bytes to
/// <see cref="StandardOutput"/> after flushing <see cref="Out"/>.
/// </summary>
internal sealed class CliConsole : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public CliConsole(Stream standardInput, Stream standardOutput, TextWriter error, bool outputIsTerminal, bool noColor, int terminalWidth = 100)
    {
        StandardInput = standardInput;
        StandardOutput = standardOutput;
        Out = new StreamWriter(standardOutput, Utf8NoBom, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        Error = error;
        OutputIsTerminal = outputIsTerminal;
        NoColor = noColor;
        TerminalWidth = terminalWidth;
    }

    /// <summary>Standard input, as bytes.</summary>
    public Stream StandardInput { get; }

    /// <summary>Standard output, as bytes.</summary>
    public Stream StandardOutput { get; }

    /// <summary>Standard output, as text.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: messages for people.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether standard output is a terminal (not redirected to a file or a pipe).</summary>
    public bool OutputIsTerminal { get; }

    /// <summary>Whether the user asked for no colour (the <c>NO_COLOR</c> convention).</summary>
    public bool NoColor { get; }

    /// <summary>Width to lay text out in.</summary>
    public int TerminalWidth { get; }

    /// <summary>Whether to colour output: only on a terminal, and never when <c>NO_COLOR</c> is set.</summary>
    public bool UseColor => OutputIsTerminal && !NoColor;

    /// <summary>The streams of this process.</summary>
    public static CliConsole FromProcess()
    {
        var terminal = !Console.IsOutputRedirected;
        var width = 100;
        if (terminal)
        {
            try
            {
                width = Math.Max(40, Console.WindowWidth);
            }
            catch (IOException)
            {
                // No real console behind the handle: keep the default width.
            }
        }

        var error = new StreamWriter(Console.OpenStandardError(), Utf8NoBom) { AutoFlush = true, NewLine = "\n" };
        return new CliConsole(
            Console.OpenStandardInput(),
            Console.OpenStandardOutput(),
            error,
            terminal,
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
            width);
    }

    /// <summary>Writes an error for people as <c>kneespine: message</c>.</summary>
    public void WriteError(string message) => Error.WriteLine("kneespine: " + message);

    public void Flush()
    {
        Out.Flush();
        StandardOutput.Flush();
        Error.Flush();
    }

    public void Dispose()
    {
        Flush();
        Out.Dispose();
    }
}
