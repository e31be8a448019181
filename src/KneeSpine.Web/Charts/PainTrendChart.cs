using System.Globalization;
using System.Xml.Linq;

namespace KneeSpine.Web.Charts;

/// <summary>
/// Renders the pain trend as an accessible figure: an inline SVG line chart (no script, no external
/// asset) with a title, a description and a legend, followed by a data table with the same numbers
/// for screen readers, keyboard users and anyone who prefers figures.
/// </summary>
/// <remarks>
/// Series differ by more than colour (solid line and circles for the back, dashed line and squares
/// for the knee) and important changes carry a triangle pointing the way the pain moved plus the
/// signed number of points, so the chart also reads in greyscale print.
/// </remarks>
public static class PainTrendChart
{
    /// <summary>Width of the SVG canvas in user units.</summary>
    public const double Width = 600;

    /// <summary>Height of the SVG canvas in user units.</summary>
    public const double Height = 360;

    /// <summary>Room a change label ("+10" in bold at the phone's larger chart type) needs right of its mark.</summary>
    private const double LabelRoom = 72;

    /// <summary>Back-pain colour (dark blue; 8.6:1 on white).</summary>
    public const string BackColour = "#1d4f91";

    /// <summary>Knee-pain colour (dark orange-brown; 6.4:1 on white).</summary>
    public const string KneeColour = "#8a4500";

    /// <summary>Colour of important worsening (dark red).</summary>
    public const string WorseColour = "#b00020";

    /// <summary>Colour of important improvement (dark green).</summary>
    public const string BetterColour = "#1b6e20";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The least distance between two assessments' marks in chart units: a marker, its change triangle and a
    /// two-character label at the phone font size (site.css, "Pain chart") side by side without touching.
    /// </summary>
    public const double MarkGap = 44;

    /// <summary>Lays out <paramref name="points"/> on the standard canvas (legend in two rows above the plot).</summary>
    public static PainTrendLayout Layout(IEnumerable<PainPoint> points) =>
        PainTrendLayout.Create(points, left: 64, top: 76, right: Width - 24, bottom: Height - 56, MarkGap);

    /// <summary>The whole figure: chart, then the table of the same data.</summary>
    /// <param name="points">The assessments to show.</param>
    /// <param name="id">Unique id prefix for this figure on its page (letters, digits, dashes).</param>
    public static string Render(IEnumerable<PainPoint> points, string id)
    {
        var layout = Layout(points);
        var figure = new XElement("figure",
            new XAttribute("class", "pain-trend"),
            new XAttribute("aria-labelledby", id + "-caption"),
            new XElement("figcaption", new XAttribute("id", id + "-caption"), "Back and knee pain since surgery"),
            SvgElement(layout, id),
            TableElement(layout, id));
        return figure.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The SVG chart alone.</summary>
    public static string RenderSvg(IEnumerable<PainPoint> points, string id) =>
        SvgElement(Layout(points), id).ToString(SaveOptions.DisableFormatting);

    /// <summary>A one-paragraph summary of the chart for its description and for screen readers.</summary>
    public static string Describe(PainTrendLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var back = layout.BackPain;
        if (back.Count == 0)
        {
            return "No assessments yet.";
        }

        var first = back[0];
        var last = back[^1];
        var text = back.Count == 1
            ? $"One assessment, on day {first.Point.DaysSinceSurgery} after surgery: back pain {first.Score} out of 10."
            : $"{back.Count} assessments from day {first.Point.DaysSinceSurgery} to day {last.Point.DaysSinceSurgery} after surgery. " +
              $"Back pain went from {first.Score} to {last.Score} out of 10.";
        if (layout.KneePain.Count > 0)
        {
            text += $" Latest knee pain {layout.KneePain[^1].Score} out of 10.";
        }

        var important = back.Concat(layout.KneePain).Where(m => m.Change != PainChange.NotImportant).ToArray();
        var worse = important.Count(m => m.Change == PainChange.ImportantWorsening);
        text += important.Length == 0
            ? " No clinically important change."
            : $" Clinically important changes (2 points or 30%): {important.Length - worse} better, {worse} worse.";
        return text;
    }

    /// <summary>How a mark's change reads in words, e.g. "Better by 3 (important)".</summary>
    public static string ChangeText(ChartMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return mark.Delta switch
        {
            null => "First score",
            0 => "No change",
            var d => (d > 0 ? "Worse by " : "Better by ") + Math.Abs(d.Value).ToString(Invariant)
                + (mark.Change == PainChange.NotImportant ? "" : " (important)"),
        };
    }

    /// <summary>The signed label drawn beside an important change, e.g. "+3" or "−2".</summary>
    public static string DeltaLabel(int delta) =>
        delta > 0 ? "+" + delta.ToString(Invariant) : "\u2212" + Math.Abs(delta).ToString(Invariant);

    private static XElement SvgElement(PainTrendLayout layout, string id)
    {
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {F(Width)} {F(Height)}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("class", "pain-chart"),
            new XAttribute("font-family", "system-ui, sans-serif"),
            new XAttribute("font-size", "15"),
            new XElement(Svg + "title", new XAttribute("id", id + "-title"), "Pain scores (0 to 10) against days since surgery"),
            new XElement(Svg + "desc", new XAttribute("id", id + "-desc"), Describe(layout)));

        svg.Add(Legend());
        foreach (var tick in layout.YTicks)
        {
            svg.Add(Line(layout.PlotLeft, tick.Position, layout.PlotRight, tick.Position, "#d0d4da", 1));
            svg.Add(Text(layout.PlotLeft - 10, tick.Position + 5, tick.Value.ToString(Invariant), "end"));
        }

        foreach (var tick in layout.XTicks)
        {
            svg.Add(Line(tick.Position, layout.PlotBottom, tick.Position, layout.PlotBottom + 6, "#333", 1));
            svg.Add(Text(tick.Position, layout.PlotBottom + 24, tick.Value.ToString(Invariant), "middle"));
        }

        svg.Add(Line(layout.PlotLeft, layout.PlotTop, layout.PlotLeft, layout.PlotBottom, "#333", 1.5));
        svg.Add(Line(layout.PlotLeft, layout.PlotBottom, layout.PlotRight, layout.PlotBottom, "#333", 1.5));
        svg.Add(Text((layout.PlotLeft + layout.PlotRight) / 2, Height - 8, "Days since surgery", "middle"));
        svg.Add(new XElement(Svg + "text",
            new XAttribute("transform", $"translate(20 {F((layout.PlotTop + layout.PlotBottom) / 2)}) rotate(-90)"),
            new XAttribute("text-anchor", "middle"),
            "Pain (0-10)"));

        svg.Add(Series(layout.KneePain, KneeColour, dashed: true, square: true, "knee"));
        svg.Add(Series(layout.BackPain, BackColour, dashed: false, square: false, "back"));
        return svg;
    }

    // Two rows, spaced for the larger phone font (site.css sets the chart's font size per screen width).
    private static IEnumerable<XElement> Legend()
    {
        yield return new XElement(Svg + "g",
            new XAttribute("class", "legend"),
            Line(24, 20, 52, 20, BackColour, 3),
            Marker(38, 20, BackColour, square: false),
            Text(60, 27, "Back pain", "start"),
            Line(236, 20, 264, 20, KneeColour, 3, dashed: true),
            Marker(250, 20, KneeColour, square: true),
            Text(272, 27, "Knee pain", "start"),
            Triangle(30, 50, up: true, WorseColour),
            Triangle(48, 52, up: false, BetterColour),
            Text(60, 57, "Important change", "start"));
    }

    private static XElement Series(IReadOnlyList<ChartMark> marks, string colour, bool dashed, bool square, string name)
    {
        var group = new XElement(Svg + "g", new XAttribute("class", "series series-" + name));
        if (marks.Count > 1)
        {
            var polyline = new XElement(Svg + "polyline",
                new XAttribute("points", string.Join(' ', marks.Select(m => $"{F(m.X)},{F(m.Y)}"))),
                new XAttribute("fill", "none"),
                new XAttribute("stroke", colour),
                new XAttribute("stroke-width", "3"),
                new XAttribute("stroke-linejoin", "round"));
            if (dashed)
            {
                polyline.Add(new XAttribute("stroke-dasharray", "8 5"));
            }

            group.Add(polyline);
        }

        foreach (var mark in marks)
        {
            group.Add(Marker(mark.X, mark.Y, colour, square));
            if (mark.Change != PainChange.NotImportant && mark.Delta is { } delta)
            {
                var worse = mark.Change == PainChange.ImportantWorsening;
                var colourOfChange = worse ? WorseColour : BetterColour;
                var dy = worse ? -16 : 16;
                // Beside the triangle on its right, or on its left near the right edge: on a phone the chart's text
                // is drawn larger (site.css), and a label right of the last day ran past the SVG and was clipped.
                var leftOfMark = mark.X > Width - LabelRoom;
                group.Add(new XElement(Svg + "g",
                    new XAttribute("class", worse ? "change change-worse" : "change change-better"),
                    Triangle(mark.X, mark.Y + dy, up: worse, colourOfChange),
                    new XElement(Svg + "text",
                        new XAttribute("x", F(leftOfMark ? mark.X - 10 : mark.X + 10)),
                        new XAttribute("y", F(mark.Y + dy + 5)),
                        new XAttribute("text-anchor", leftOfMark ? "end" : "start"),
                        new XAttribute("fill", colourOfChange),
                        new XAttribute("font-weight", "bold"),
                        DeltaLabel(delta))));
            }
        }

        return group;
    }

    private static XElement Marker(double x, double y, string colour, bool square) => square
        ? new XElement(Svg + "rect",
            new XAttribute("x", F(x - 5)), new XAttribute("y", F(y - 5)),
            new XAttribute("width", "10"), new XAttribute("height", "10"),
            new XAttribute("fill", colour))
        : new XElement(Svg + "circle",
            new XAttribute("cx", F(x)), new XAttribute("cy", F(y)), new XAttribute("r", "6"),
            new XAttribute("fill", colour));

    private static XElement Triangle(double x, double y, bool up, string colour)
    {
        var tip = up ? y - 6 : y + 6;
        var foot = up ? y + 5 : y - 5;
        return new XElement(Svg + "path",
            new XAttribute("d", $"M{F(x)} {F(tip)} L{F(x + 7)} {F(foot)} L{F(x - 7)} {F(foot)} Z"),
            new XAttribute("fill", colour));
    }

    private static XElement Line(double x1, double y1, double x2, double y2, string colour, double width, bool dashed = false)
    {
        var line = new XElement(Svg + "line",
            new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)),
            new XAttribute("x2", F(x2)), new XAttribute("y2", F(y2)),
            new XAttribute("stroke", colour), new XAttribute("stroke-width", F(width)));
        if (dashed)
        {
            line.Add(new XAttribute("stroke-dasharray", "8 5"));
        }

        return line;
    }

    private static XElement Text(double x, double y, string text, string anchor) =>
        new(Svg + "text",
            new XAttribute("x", F(x)), new XAttribute("y", F(y)),
            new XAttribute("text-anchor", anchor), new XAttribute("fill", "#1a1a1a"),
            text);

    private static XElement TableElement(PainTrendLayout layout, string id)
    {
        // By reference: two assessments on the same day with the same scores are still two rows.
        var knee = new Dictionary<PainPoint, ChartMark>(ReferenceEqualityComparer.Instance);
        foreach (var mark in layout.KneePain)
        {
            knee[mark.Point] = mark;
        }

        var rows = layout.BackPain.Select(back =>
        {
            var hasKnee = knee.TryGetValue(back.Point, out var kneeMark);
            return new XElement("tr",
                new XElement("th", new XAttribute("scope", "row"), back.Point.AssessedOn.ToString("d MMM yyyy", Invariant)),
                new XElement("td", back.Point.DaysSinceSurgery.ToString(Invariant)),
                new XElement("td", back.Score.ToString(Invariant)),
                new XElement("td", ChangeText(back)),
                new XElement("td", hasKnee ? kneeMark!.Score.ToString(Invariant) : "Not asked"),
                new XElement("td", hasKnee ? ChangeText(kneeMark!) : "\u2013"));
        });

        var table = new XElement("table",
            new XAttribute("class", "data-table pain-table"),
            new XAttribute("id", id + "-table"),
            new XAttribute("aria-describedby", id + "-note"),
            new XElement("caption", new XAttribute("id", id + "-table-caption"), "Pain scores by assessment"),
            new XElement("thead", new XElement("tr",
                Header("Date"), Header("Days since surgery"), Header("Back pain"), Header("Back pain change"),
                Header("Knee pain"), Header("Knee pain change"))),
            new XElement("tbody", rows.Any() ? rows : [new XElement("tr", new XElement("td", new XAttribute("colspan", "6"), "No assessments yet."))]));
        return new XElement("div",
            new XElement("p",
                new XAttribute("class", "chart-note"),
                new XAttribute("id", id + "-note"),
                "0 is no pain, 10 is the worst imaginable. An important change is 2 points or 30% of the earlier score."),
            // A region that can scroll must be reachable by keyboard (axe scrollable-region-focusable).
            new XElement("div",
                new XAttribute("class", "table-scroll"),
                new XAttribute("tabindex", "0"),
                new XAttribute("role", "region"),
                new XAttribute("aria-labelledby", id + "-table-caption"),
                table));
    }

    private static XElement Header(string text) => new("th", new XAttribute("scope", "col"), text);

    private static string F(double value) => Math.Round(value, 1).ToString(Invariant);
}
