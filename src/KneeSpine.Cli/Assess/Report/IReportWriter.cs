using KneeSpine.Engine.Results;

namespace KneeSpine.Cli.Assess.Report;

/// <summary>Where a report goes: plain text for files and pipes, colour for terminals. The content is the same.</summary>
internal interface IReportWriter
{
    /// <summary>The triage: what to do now. Emergency is shouted: capitals, a banner, red when colour is on.</summary>
    void Triage(TriageLevel level, string label, string headline);

    /// <summary>A section heading.</summary>
    void Heading(string text);

    /// <summary>The title line of an alert, factor or plan item; <paramref name="level"/> colours alerts.</summary>
    void Item(string text, TriageLevel? level = null);

    /// <summary>A paragraph under an item.</summary>
    void Paragraph(string text);

    /// <summary>A labelled detail under an item, e.g. the sources.</summary>
    void Detail(string label, string text);

    /// <summary>A line of text at the left margin.</summary>
    void Line(string text);

    /// <summary>An empty line.</summary>
    void Blank();
}
