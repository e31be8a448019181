using System.Text;
using KneeSpine.Engine.Results;

namespace KneeSpine.Cli.Assess.Report;

/// <summary>The report as plain text, wrapped to a width: for files, pipes and NO_COLOR terminals.</summary>
internal sealed class PlainReportWriter(TextWriter output, int width) : IReportWriter
{
    private const string ItemIndent = "  ";
    private const string TextIndent = "     ";

    public void Triage(TriageLevel level, string label, string headline)
    {
        var rule = new string(level == TriageLevel.Emergency ? '!' : '=', Math.Min(width, 78));
        output.WriteLine(rule);
        if (level == TriageLevel.Emergency)
        {
            Wrap($"!!! {label}: {headline.ToUpperInvariant()} !!!", string.Empty, string.Empty);
        }
        else
        {
            Wrap($"{label}: {headline}", string.Empty, string.Empty);
        }

        output.WriteLine(rule);
    }

    public void Heading(string text)
    {
        output.WriteLine();
        output.WriteLine(text.ToUpperInvariant());
    }

    public void Item(string text, TriageLevel? level = null)
    {
        output.WriteLine();
        Wrap(text, ItemIndent + "- ", ItemIndent + "  ");
    }

    public void Paragraph(string text) => Wrap(text, TextIndent, TextIndent);

    public void Detail(string label, string text) => Wrap($"{label}: {text}", TextIndent, TextIndent + "  ");

    public void Line(string text) => Wrap(text, ItemIndent, ItemIndent);

    public void Blank() => output.WriteLine();

    /// <summary>Word-wraps <paramref name="text"/> so no line is wider than the width (a single long word stays whole).</summary>
    private void Wrap(string text, string firstIndent, string nextIndent)
    {
        var line = new StringBuilder(firstIndent);
        var lineHasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > width)
            {
                output.WriteLine(line.ToString());
                line.Clear().Append(nextIndent);
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                line.Append(' ');
            }

            line.Append(word);
            lineHasWord = true;
        }

        output.WriteLine(line.ToString());
    }
}
