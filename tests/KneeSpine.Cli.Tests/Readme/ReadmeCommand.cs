using System.Text;
using System.Text.RegularExpressions;

namespace KneeSpine.Cli.Tests.Readme;

/// <summary>
/// One <c>kneespine</c> command line from a <c>```sh</c> block of README.md, as a reader would type it: written as
/// <c>kneespine ...</c> or <c>dotnet run --project src/KneeSpine.Cli -- ...</c>, perhaps fed by <c>cat FILE |</c>,
/// captured by <c>$(...)</c> or redirected with <c>&gt; FILE</c>.
/// </summary>
/// <param name="Line">The line as README shows it (without its comment).</param>
/// <param name="Arguments">The arguments after <c>kneespine</c>.</param>
/// <param name="StandardInputFile">The file piped in with <c>cat FILE |</c>, if any.</param>
/// <param name="SampleOutput">For the first command of a block, the <c>```text</c> block right after it, if any: README's sample output.</param>
internal sealed partial record ReadmeCommand(string Line, IReadOnlyList<string> Arguments, string? StandardInputFile, string? SampleOutput)
{
    private const string DotnetRun = "dotnet run --project src/KneeSpine.Cli -- ";

    /// <summary>Every such command in <paramref name="readme"/>, in order.</summary>
    public static IReadOnlyList<ReadmeCommand> All(string readme)
    {
        var commands = new List<ReadmeCommand>();
        var blocks = Block().Matches(readme.ReplaceLineEndings("\n")).ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Groups["lang"].Value != "sh")
            {
                continue;
            }

            var sample = i + 1 < blocks.Count && blocks[i + 1].Groups["lang"].Value == "text"
                && blocks[i + 1].Index - (blocks[i].Index + blocks[i].Length) < 4
                ? blocks[i + 1].Groups["body"].Value
                : null;
            foreach (var raw in blocks[i].Groups["body"].Value.Split('\n'))
            {
                if (Parse(raw.Trim(), sample) is { } command)
                {
                    commands.Add(command);
                    // The sample shows the first command's output; the others in the block are variations.
                    sample = null;
                }
            }
        }

        return commands;
    }

    private static ReadmeCommand? Parse(string raw, string? sample)
    {
        var line = Comment().Replace(raw, "").Trim();
        string? input = null;
        if (Piped().Match(line) is { Success: true } piped)
        {
            input = piped.Groups["file"].Value;
            line = line[piped.Length..];
        }

        if (Captured().Match(line) is { Success: true } captured)
        {
            line = captured.Groups["inner"].Value;
        }

        line = Redirect().Replace(line, "");
        var text = line.StartsWith(DotnetRun, StringComparison.Ordinal) ? line[DotnetRun.Length..]
            : line.StartsWith("kneespine ", StringComparison.Ordinal) ? line["kneespine ".Length..]
            : null;
        return text is null ? null : new ReadmeCommand(raw, Words(text), input, sample);
    }

    // Words as a shell splits them: spaces separate, double quotes group.
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    [GeneratedRegex(@"^```(?<lang>[a-z]*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^cat (?<file>\S+) \| ")]
    private static partial Regex Piped();

    [GeneratedRegex(@"^[A-Z_]+=\$\((?<inner>.*)\)$")]
    private static partial Regex Captured();

    [GeneratedRegex(@"\s+>\s+\S+$")]
    private static partial Regex Redirect();
}
