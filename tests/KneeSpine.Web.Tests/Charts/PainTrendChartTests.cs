using System.Xml.Linq;
using KneeSpine.Engine.Input;
using KneeSpine.Web.Charts;

namespace KneeSpine.Web.Tests.Charts;

public sealed class PainTrendChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateOnly Surgery = new(2026, 3, 2);

    private static PainPoint Point(int day, int back, int? knee = null) =>
        new(Surgery.AddDays(day), day, new PainScore(back), knee is { } k ? new PainScore(k) : null);

    private static XElement Figure(params PainPoint[] points) => XElement.Parse(PainTrendChart.Render(points, "trend"));

    [Fact]
    public void Svg_is_labelled_by_its_title_and_description()
    {
        var svg = Figure(Point(3, 7), Point(20, 4)).Element(Svg + "svg")!;

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("trend-title trend-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("trend-title", (string?)svg.Element(Svg + "title")!.Attribute("id"));
        var desc = svg.Element(Svg + "desc")!;
        Assert.Equal("trend-desc", (string?)desc.Attribute("id"));
        Assert.Contains("from 7 to 4", desc.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Axes_are_labelled_and_the_legend_names_both_series_and_the_change_marker()
    {
        var texts = Figure(Point(3, 7, 5)).Descendants(Svg + "text").Select(t => t.Value).ToArray();

        Assert.Contains("Days since surgery", texts);
        Assert.Contains("Pain (0-10)", texts);
        Assert.Contains("Back pain", texts);
        Assert.Contains("Knee pain", texts);
        Assert.Contains("Important change", texts);
    }

    [Fact]
    public void Important_changes_are_marked_with_direction_and_size_and_small_ones_are_not()
    {
        // Back: 7 -> 4 (better by 3, important) -> 5 (worse by 1 of 4 = 25%, not important).
        // Knee: 2 -> 5 (worse by 3, important).
        var figure = Figure(Point(3, 7, 2), Point(20, 4, 5), Point(41, 5));
        var changes = figure.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class") ?? "").StartsWith("change ", StringComparison.Ordinal)).ToArray();

        Assert.Equal(2, changes.Length);
        Assert.Contains(changes, g => (string?)g.Attribute("class") == "change change-better" && g.Value == "\u22123");
        Assert.Contains(changes, g => (string?)g.Attribute("class") == "change change-worse" && g.Value == "+3");
    }

    [Fact]
    public void Each_series_has_one_marker_per_score_and_knee_gaps_are_skipped()
    {
        var figure = Figure(Point(3, 7, 2), Point(20, 4), Point(41, 5, 1));
        var back = figure.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "series series-back");
        var knee = figure.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "series series-knee");

        Assert.Equal(3, back.Elements(Svg + "circle").Count());
        Assert.Equal(2, knee.Elements(Svg + "rect").Count());
        Assert.Equal(2, ((string)knee.Element(Svg + "polyline")!.Attribute("points")!).Split(' ').Length);
    }

    [Fact]
    public void Higher_pain_is_drawn_higher_and_later_days_further_right()
    {
        var layout = PainTrendChart.Layout([Point(40, 2), Point(3, 9)]);

        Assert.Equal(3, layout.BackPain[0].Point.DaysSinceSurgery);
        Assert.True(layout.BackPain[0].Y < layout.BackPain[1].Y);
        Assert.True(layout.BackPain[0].X < layout.BackPain[1].X);
        Assert.Equal(layout.PlotBottom, layout.YFor(0));
        Assert.Equal(layout.PlotTop, layout.YFor(10));
    }

    [Theory]
    [InlineData(0, 7)]
    [InlineData(5, 7)]
    [InlineData(12, 12)]
    [InlineData(13, 14)]
    [InlineData(50, 56)]
    [InlineData(200, 224)]
    [InlineData(400, 448)]
    public void Day_axis_ends_on_a_round_number_of_days_with_at_most_eight_steps(int lastDay, int expectedMax)
    {
        var layout = PainTrendChart.Layout([Point(lastDay, 3)]);

        Assert.Equal(expectedMax, layout.MaxDay);
        Assert.InRange(layout.XTicks.Count, 2, 9);
        Assert.Equal(0, layout.XTicks[0].Value);
        Assert.Equal(expectedMax, layout.XTicks[^1].Value);
    }

    [Fact]
    public void Table_repeats_every_score_and_change_in_words()
    {
        var table = Figure(Point(3, 7, 2), Point(20, 4)).Descendants("table").Single();
        var rows = table.Element("tbody")!.Elements("tr").ToArray();

        Assert.NotNull(table.Element("caption"));
        Assert.All(table.Descendants("th").Where(th => th.Parent!.Parent!.Name == "thead"), th => Assert.Equal("col", (string?)th.Attribute("scope")));
        Assert.Equal(2, rows.Length);
        Assert.Equal(["5 Mar 2026", "3", "7", "First score", "2", "First score"], rows[0].Elements().Select(e => e.Value));
        Assert.Equal(["22 Mar 2026", "20", "4", "Better by 3 (important)", "Not asked", "\u2013"], rows[1].Elements().Select(e => e.Value));
    }

    [Fact]
    public void No_assessments_gives_an_empty_chart_that_says_so()
    {
        var figure = Figure();

        Assert.Contains("No assessments yet.", figure.Element(Svg + "svg")!.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("No assessments yet.", figure.Descendants("tbody").Single().Value, StringComparison.Ordinal);
        Assert.DoesNotContain(figure.Descendants(Svg + "circle"), c => c.Parent!.Attribute("class")?.Value == "series series-back");
    }

    [Fact]
    public void Two_identical_assessments_on_the_same_day_are_two_rows_and_two_markers()
    {
        var figure = Figure(Point(10, 4, 3), Point(10, 4, 3));

        Assert.Equal(2, figure.Descendants("tbody").Single().Elements("tr").Count());
        Assert.Equal(2, figure.Descendants(Svg + "rect").Count(r => r.Parent!.Attribute("class")?.Value == "series series-knee"));
    }

    [Fact]
    public void Same_day_assessments_are_drawn_apart_so_their_change_labels_cannot_overlap()
    {
        // Day 10 twice: 2 -> 5 (+3) and 5 -> 10 (+5), the case where "+3" was printed over "+5".
        var layout = PainTrendChart.Layout([Point(3, 2, 2), Point(10, 5, 5), Point(10, 10, 9)]);

        var xs = layout.BackPain.Select(m => m.X).ToArray();
        Assert.True(xs[2] - xs[1] >= PainTrendChart.MarkGap - 0.001, string.Join(", ", xs));
        Assert.Equal(xs, layout.KneePain.Select(m => m.X));
        Assert.All(xs, x => Assert.InRange(x, layout.PlotLeft, layout.PlotRight));
    }

    [Fact]
    public void Marks_keep_their_day_position_when_there_is_room()
    {
        var layout = PainTrendChart.Layout([Point(3, 7), Point(40, 4)]);

        Assert.Equal(layout.XFor(3), layout.BackPain[0].X);
        Assert.Equal(layout.XFor(40), layout.BackPain[1].X);
    }

    [Fact]
    public void Many_assessments_on_the_last_day_stay_inside_the_plot_in_order()
    {
        var layout = PainTrendChart.Layout([.. Enumerable.Range(0, 20).Select(_ => Point(30, 4))]);

        var xs = layout.BackPain.Select(m => m.X).ToArray();
        Assert.All(xs, x => Assert.InRange(x, layout.PlotLeft, layout.PlotRight + 0.001));
        Assert.All(xs.Zip(xs.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.First} then {pair.Second}"));
    }

    [Fact]
    public void The_scrollable_table_is_a_named_region_reachable_by_keyboard()
    {
        var region = Figure(Point(3, 7)).Descendants("div").Single(d => (string?)d.Attribute("class") == "table-scroll");

        Assert.Equal("0", (string?)region.Attribute("tabindex"));
        Assert.Equal("region", (string?)region.Attribute("role"));
        var caption = region.Descendants("caption").Single();
        Assert.Equal((string?)caption.Attribute("id"), (string?)region.Attribute("aria-labelledby"));
    }
}
