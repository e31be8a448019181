namespace KneeSpine.Cli.Assess;

/// <summary><c>kneespine assess --ndjson</c>: many assessments, one per line, streamed.</summary>
internal static class NdjsonAssessor
{
    public static async Task<int> RunAsync(string path, CliConsole console, CancellationToken cancellationToken)
    {
        var input = InputFile.Open(path, console, out var problem);
        if (input is null)
        {
            console.WriteError(problem!);
            return ExitCodes.InvalidInput;
        }

        try
        {
            console.Out.Flush();
            var pipeline = new NdjsonPipeline(console.StandardOutput);
            var summary = await pipeline.RunAsync(input, cancellationToken).ConfigureAwait(false);
            if (summary.InvalidLines == 0)
            {
                return ExitCodes.Success;
            }

            console.WriteError($"{summary.InvalidLines} of {summary.Lines} lines of {InputFile.Describe(path)} were not valid assessments; each has an errors line in the output in its place.");
            return ExitCodes.InvalidInput;
        }
        finally
        {
            if (path != InputFile.StandardInput)
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
