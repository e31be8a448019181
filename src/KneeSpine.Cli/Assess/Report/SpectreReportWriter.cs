using KneeSpine.Engine.Results;
using Spectre.Console;

namespace KneeSpine.Cli.Assess.Report;

/// <summary>The report in colour for a terminal (Spectre.Console): an emergency is a red banner in capitals.</summary>
internal sealed class SpectreReportWriter : IReportWriter
{
    private readonly IAnsiConsole _console;

    public SpectreReportWriter(CliConsole console)
    {
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console.Out),
        });
        _console.Profile.Width = console.TerminalWidth;
    }

    public void Triage(TriageLevel level, string label, string headline)
    {
        var text = level == TriageLevel.Emergency ? headline.ToUpperInvariant() : headline;
        var panel = new Panel(new Markup($"[{Style(level)}]{Markup.Escape(text)}[/]"))
        {
            Header = new PanelHeader($"[{Style(level)}] {Markup.Escape(label)} [/]"),
            Border = level == TriageLevel.Emergency ? BoxBorder.Double : BoxBorder.Rounded,
            BorderStyle = new Style(Color(level)),
            Expand = true,
        };
        _console.Write(panel);
    }

    public void Heading(string text)
    {
        _console.WriteLine();
        _console.Write(new Rule($"[bold]{Markup.Escape(text)}[/]") { Justification = Justify.Left });
    }

    public void Item(string text, TriageLevel? level = null)
    {
        _console.WriteLine();
        var style = level is { } l ? Style(l) : "bold";
        _console.Write(new Padder(new Markup($"[{style}]{Markup.Escape(text)}[/]"), new Padding(2, 0, 0, 0)));
    }

    public void Paragraph(string text) => _console.Write(new Padder(new Text(text), new Padding(5, 0, 0, 0)));

    public void Detail(string label, string text) =>
        _console.Write(new Padder(new Markup($"[dim]{Markup.Escape(label)}:[/] {Markup.Escape(text)}"), new Padding(5, 0, 0, 0)));

    public void Line(string text) => _console.Write(new Padder(new Text(text), new Padding(2, 0, 0, 0)));

    public void Blank() => _console.WriteLine();

    private static Color Color(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => Spectre.Console.Color.Red,
        TriageLevel.Urgent => Spectre.Console.Color.Yellow,
        TriageLevel.Soon => Spectre.Console.Color.Blue,
        _ => Spectre.Console.Color.Green,
    };

    private static string Style(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "bold white on red",
        TriageLevel.Urgent => "bold yellow",
        TriageLevel.Soon => "bold blue",
        _ => "bold green",
    };
}
