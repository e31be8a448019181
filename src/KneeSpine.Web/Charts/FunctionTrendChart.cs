using System.Globalization;
using System.Xml.Linq;

namespace KneeSpine.Web.Charts;

/// <summary>
/// The back-function score over time: an inline SVG line with a data table of the same numbers. Unlike the pain
/// chart it marks no "important change": the items are KneeSpine's own, not validated, and no minimal important
/// change is defined for them (clinical-rules.md, "Optional back-function items").
/// </summary>
public static class FunctionTrendChart
{
    /// <summary>Said under the chart: what the score is and is not.</summary>
    public const string Caveat = "KneeSpine's own four questions (0 = no trouble, 12 = could not do any of them). Not a validated scale: no change on it is known to be important.";

    private const double Width = 600, Height = 220, Left = 48, Top = 20, Right = 580, Bottom = 180;
    private const string Colour = "#1d4f91";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The figure, or an empty string when no assessment has a back-function score.</summary>
    /// <param name="points">Scores, oldest first.</param>
    /// <param name="id">Unique id prefix on the page.</param>
    public static string Render(IReadOnlyList<FunctionPoint> points, string id)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return "";
        }

        var lastDay = Math.Max(1, points.Max(p => p.DaysSinceSurgery));
        double X(int day) => Left + ((Right - Left) * day / lastDay);
        double Y(int score) => Bottom - ((Bottom - Top) * score / 12.0);
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", id + "-title"),
            new XElement(Svg + "title", new XAttribute("id", id + "-title"), "Back function score by day since surgery; details in the table below"),
            Enumerable.Range(0, 5).Select(i => i * 3).Select(score => new XElement(Svg + "g",
                new XElement(Svg + "line", Attr("x1", Left), Attr("x2", Right), Attr("y1", Y(score)), Attr("y2", Y(score)), new XAttribute("stroke", "#d0d0d0")),
                new XElement(Svg + "text", Attr("x", Left - 8), Attr("y", Y(score) + 4), new XAttribute("text-anchor", "end"), new XAttribute("font-size", "12"), score))),
            new XElement(Svg + "text", Attr("x", (Left + Right) / 2), Attr("y", Height - 8), new XAttribute("text-anchor", "middle"), new XAttribute("font-size", "12"), "Days since surgery"),
            new XElement(Svg + "polyline",
                new XAttribute("fill", "none"), new XAttribute("stroke", Colour), new XAttribute("stroke-width", "2.5"),
                new XAttribute("points", string.Join(' ', points.Select(p => $"{N(X(p.DaysSinceSurgery))},{N(Y(p.Score))}")))),
            points.Select(p => new XElement(Svg + "circle", Attr("cx", X(p.DaysSinceSurgery)), Attr("cy", Y(p.Score)), Attr("r", 4.5), new XAttribute("fill", Colour))));
        var table = new XElement("table",
            new XAttribute("class", "data-table"),
            new XElement("caption", "Back function score by assessment"),
            new XElement("thead", new XElement("tr", new XElement("th", new XAttribute("scope", "col"), "Date"), new XElement("th", new XAttribute("scope", "col"), "Day"), new XElement("th", new XAttribute("scope", "col"), "Score (0-12)"))),
            new XElement("tbody", points.Select(p => new XElement("tr",
                new XElement("td", p.AssessedOn.ToString("d MMM yyyy", Invariant)),
                new XElement("td", p.DaysSinceSurgery),
                new XElement("td", p.Score)))));
        var figure = new XElement("figure",
            new XAttribute("class", "function-trend"),
            new XAttribute("id", id),
            new XAttribute("aria-labelledby", id + "-caption"),
            new XElement("figcaption", new XAttribute("id", id + "-caption"), "Back function since surgery (higher means more limited)"),
            svg,
            new XElement("p", new XAttribute("class", "sources"), Caveat),
            table);
        return figure.ToString(SaveOptions.DisableFormatting);
    }

    private static XAttribute Attr(string name, double value) => new(name, N(value));

    private static string N(double value) => value.ToString("0.#", Invariant);
}
