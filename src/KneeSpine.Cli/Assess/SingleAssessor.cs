using System.Text.Encodings.Web;
using System.Text.Json;
using KneeSpine.Cli.Assess.Report;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;

namespace KneeSpine.Cli.Assess;

/// <summary>Evaluates one assessment and writes a report to read, or the result JSON.</summary>
internal static class SingleAssessor
{
    /// <summary>Output is for terminals and files, never embedded in HTML, so text stays readable ("don't", not "don\u0027t").</summary>
    public static readonly JsonWriterOptions IndentedJson = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    public static async Task<int> RunAsync(string path, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        var bytes = await InputFile.ReadAllAsync(path, console, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return ExitCodes.InvalidInput;
        }

        var read = AssessmentInputReader.Read(bytes);
        if (read.Input is null)
        {
            WriteErrors(path, read.Errors, console);
            return ExitCodes.InvalidInput;
        }

        var result = AssessmentEvaluator.Default.Evaluate(read.Input);
        if (json)
        {
            WriteJson(result, console);
        }
        else
        {
            var writer = console.UseColor ? (IReportWriter)new SpectreReportWriter(console) : new PlainReportWriter(console.Out, console.TerminalWidth);
            new ReportRenderer(KnowledgeBase.Default, writer).Render(result);
        }

        return ExitCodes.Success;
    }

    /// <summary>Names every problem on standard error as <c>path: message</c>.</summary>
    public static void WriteErrors(string path, IReadOnlyList<ValidationError> errors, CliConsole console)
    {
        var count = errors.Count == 1 ? "1 problem" : $"{errors.Count} problems";
        console.WriteError($"{InputFile.Describe(path)} is not a valid assessment input ({count}):");
        foreach (var error in errors)
        {
            console.Error.WriteLine($"{error.Path}: {error.Message}");
        }
    }

    private static void WriteJson(AssessmentResult result, CliConsole console)
    {
        console.Out.Flush();
        using (var writer = new Utf8JsonWriter(console.StandardOutput, IndentedJson))
        {
            AssessmentResultJson.Write(writer, result);
        }

        console.StandardOutput.WriteByte((byte)'\n');
    }
}
