using System.Globalization;
using System.Xml.Linq;

namespace KneeSpine.Web.Reports;

/// <summary>
/// The report's charts as inline SVG drawn from the same (suppressed) <see cref="ReportTable"/> shown beside each one:
/// role img with a title and a description in words, axis labels, and series told apart by pattern as well as colour,
/// so they read in greyscale print. A suppressed figure is drawn as nothing and labelled as hidden.
/// </summary>
public static class ReportCharts
{
    private const double Width = 640;
    private const double LabelWidth = 250;
    private const double BarHeight = 22;
    private const double Gap = 8;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Colours of the triage levels (self-care, soon, urgent, emergency), each 4.5:1 or more on white, each with its own pattern.</summary>
    private static readonly (string Colour, string Pattern)[] Levels =
        [("#1b6e20", "solid"), ("#1d4f91", "diagonal"), ("#8a4500", "dots"), ("#b00020", "cross")];

    /// <summary>Horizontal bars of column <paramref name="column"/> of <paramref name="table"/>, labelled by its first column.</summary>
    public static string Bars(ReportTable table, int column, string id, string unit)
    {
        ArgumentNullException.ThrowIfNull(table);
        var values = table.Rows.Select(r => r[column]).ToList();
        var max = Math.Max(1, values.Max(v => v.Number ?? 0));
        if (unit == "%")
        {
            max = 100;
        }

        var height = 30 + (table.Rows.Count * (BarHeight + Gap));
        var shown = values.Count(v => v.Number is > 0);
        var svg = Canvas(id, height, $"{table.Title}: {table.Columns[column]}",
            $"Bar chart of {table.Columns[column].ToLowerInvariant()} for {table.Rows.Count} rows; {shown} are above zero. The table beside it gives every number.");
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var y = 10 + (i * (BarHeight + Gap));
            var cell = values[i];
            svg.Add(Text(LabelWidth - 8, y + 16, Shorten(table.Rows[i][0].Text), "end"));
            var length = (cell.Number ?? 0) / max * (Width - LabelWidth - 70);
            svg.Add(new XElement(Svg + "rect", Attr("x", LabelWidth), Attr("y", y), Attr("width", length), Attr("height", BarHeight), new XAttribute("fill", Levels[1].Colour)));
            svg.Add(Text(LabelWidth + length + 6, y + 16, cell.Suppressed ? "hidden" : cell.Text + (unit == "%" && cell.Number is not null ? "%" : ""), "start"));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The triage mix: one bar per week, the levels' shares stacked left to right (columns 1 to 4).</summary>
    public static string Stacked(ReportTable table, string id)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Where(r => r.Skip(1).Any(c => c.Number is > 0 || c.Suppressed)).ToList();
        var height = 60 + (rows.Count * (BarHeight + 4));
        var svg = Canvas(id, height, table.Title,
            $"Stacked bars: for each of {rows.Count} weeks with assessments, the share of assessments at each triage level "
            + "(self-care solid green, soon blue stripes, urgent brown dots, emergency red cross-hatch). Hidden counts are left out of the bar.");
        svg.Add(Patterns(id));
        var plot = Width - 120;
        for (var i = 0; i < rows.Count; i++)
        {
            var y = 10 + (i * (BarHeight + 4));
            var total = rows[i].Skip(1).Sum(c => c.Number ?? 0);
            svg.Add(Text(90, y + 16, "Week " + rows[i][0].Text, "end"));
            var x = 100.0;
            for (var level = 0; level < Levels.Length; level++)
            {
                var width = total == 0 ? 0 : (rows[i][level + 1].Number ?? 0) / total * plot;
                svg.Add(new XElement(Svg + "rect", Attr("x", x), Attr("y", y), Attr("width", width), Attr("height", BarHeight),
                    new XAttribute("fill", $"url(#{id}-{Levels[level].Pattern})"), new XAttribute("stroke", "#fff")));
                x += width;
            }
        }

        var legendY = height - 24;
        for (var level = 0; level < Levels.Length; level++)
        {
            var x = 100 + (level * 130);
            svg.Add(new XElement(Svg + "rect", Attr("x", x), Attr("y", legendY), Attr("width", 18), Attr("height", 18), new XAttribute("fill", $"url(#{id}-{Levels[level].Pattern})")));
            svg.Add(Text(x + 24, legendY + 15, table.Columns[level + 1], "start"));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The back-pain course: the median as a line with circles, the interquartile range as a shaded band (columns 2-4).</summary>
    public static string Course(ReportTable table, string id)
    {
        ArgumentNullException.ThrowIfNull(table);
        const double left = 50, top = 10, bottom = 250, height = 300;
        var right = Width - 20;
        double X(int week) => left + (week / (double)ReportTables.LastWeek * (right - left));
        double Y(double score) => bottom - (score / 10 * (bottom - top));
        var points = table.Rows.Select((r, week) => (Week: week, Q1: r[2].Number, Median: r[3].Number, Q3: r[4].Number))
            .Where(p => p.Median is not null).ToList();
        var svg = Canvas(id, height, table.Title,
            points.Count == 0 ? "No week has enough assessments to show."
            : $"Median back pain by week since surgery for {points.Count} weeks with enough assessments: week {points[0].Week} median {F(points[0].Median!.Value)}, week {points[^1].Week} median {F(points[^1].Median!.Value)} out of 10. The shaded band is the interquartile range.");
        for (var score = 0; score <= 10; score += 2)
        {
            svg.Add(new XElement(Svg + "line", Attr("x1", left), Attr("x2", right), Attr("y1", Y(score)), Attr("y2", Y(score)), new XAttribute("stroke", "#d0d4da")));
            svg.Add(Text(left - 8, Y(score) + 5, score.ToString(Invariant), "end"));
        }

        for (var week = 0; week <= ReportTables.LastWeek; week += 2)
        {
            svg.Add(Text(X(week), bottom + 22, week.ToString(Invariant), "middle"));
        }

        svg.Add(Text((left + right) / 2, height - 8, "Weeks since surgery (back pain 0-10)", "middle"));
        if (points.Count > 0)
        {
            var band = points.Select(p => $"{F(X(p.Week))},{F(Y(p.Q3!.Value))}").Concat(points.AsEnumerable().Reverse().Select(p => $"{F(X(p.Week))},{F(Y(p.Q1!.Value))}"));
            svg.Add(new XElement(Svg + "polygon", new XAttribute("points", string.Join(' ', band)), new XAttribute("fill", "#c9d6ea")));
            svg.Add(new XElement(Svg + "polyline", new XAttribute("points", string.Join(' ', points.Select(p => $"{F(X(p.Week))},{F(Y(p.Median!.Value))}"))),
                new XAttribute("fill", "none"), new XAttribute("stroke", Levels[1].Colour), new XAttribute("stroke-width", "3")));
            foreach (var p in points)
            {
                svg.Add(new XElement(Svg + "circle", Attr("cx", X(p.Week)), Attr("cy", Y(p.Median!.Value)), Attr("r", 4), new XAttribute("fill", Levels[1].Colour)));
            }
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Canvas(string id, double height, string title, string description) =>
        new(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {F(Width)} {F(height)}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("class", "report-chart"),
            new XAttribute("font-family", "system-ui, sans-serif"),
            new XAttribute("font-size", "14"),
            new XElement(Svg + "title", new XAttribute("id", id + "-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", id + "-desc"), description));

    private static XElement Patterns(string id)
    {
        XElement Pattern(string name, string colour, params XElement[] marks) =>
            new(Svg + "pattern", new XAttribute("id", $"{id}-{name}"), new XAttribute("width", "8"), new XAttribute("height", "8"), new XAttribute("patternUnits", "userSpaceOnUse"),
                new XElement(Svg + "rect", new XAttribute("width", "8"), new XAttribute("height", "8"), new XAttribute("fill", colour)), marks);
        XElement Stroke(string d) => new(Svg + "path", new XAttribute("d", d), new XAttribute("stroke", "#fff"), new XAttribute("stroke-width", "1.5"));
        return new XElement(Svg + "defs",
            Pattern(Levels[0].Pattern, Levels[0].Colour),
            Pattern(Levels[1].Pattern, Levels[1].Colour, Stroke("M0,8 L8,0")),
            Pattern(Levels[2].Pattern, Levels[2].Colour, new XElement(Svg + "circle", new XAttribute("cx", "4"), new XAttribute("cy", "4"), new XAttribute("r", "1.8"), new XAttribute("fill", "#fff"))),
            Pattern(Levels[3].Pattern, Levels[3].Colour, Stroke("M0,0 L8,8 M0,8 L8,0")));
    }

    // At font size 14 a glyph averages about 8.4 units, so 28 characters fit the 242 units left of the bars; 32 ran
    // past the chart's left edge when the letters were wide ("Weakness or numbness in a leg t…" lost its W).
    private static string Shorten(string text) => text.Length <= 28 ? text : text[..27] + "\u2026";

    private static XElement Text(double x, double y, string text, string anchor) =>
        new(Svg + "text", Attr("x", x), Attr("y", y), new XAttribute("text-anchor", anchor), new XAttribute("fill", "#1a1a1a"), text);

    private static XAttribute Attr(string name, double value) => new(name, F(value));

    private static string F(double value) => value.ToString("0.##", Invariant);
}
