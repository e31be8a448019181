using System.Globalization;
using KneeSpine.Web.Charts;
using PdfSharp.Drawing;

namespace KneeSpine.Web.Handouts;

/// <summary>Draws the pain trend chart into the PDF from the same layout the web chart uses.</summary>
internal static class HandoutChart
{
    public const double Height = 155;

    public static void Draw(XGraphics gfx, IReadOnlyList<PainPoint> points, double left, double top, double width)
    {
        var layout = PainTrendLayout.Create(points, left + 34, top + 8, left + width - 30, top + Height - 34);
        var label = HandoutWriter.ChartLabel.CreateFont();
        var bold = HandoutWriter.ChartBold.CreateFont();
        var ink = new XSolidBrush(XColor.FromArgb(unchecked((int)0xFF1A1A1A)));
        var grid = new XPen(XColor.FromArgb(unchecked((int)0xFFD0D4DA)), 0.6);
        var axis = new XPen(XColor.FromArgb(unchecked((int)0xFF333333)), 1);

        foreach (var tick in layout.YTicks)
        {
            gfx.DrawLine(grid, layout.PlotLeft, tick.Position, layout.PlotRight, tick.Position);
            gfx.DrawString(Text(tick.Value), label, ink, layout.PlotLeft - 5, tick.Position, XStringFormats.CenterRight);
        }

        foreach (var tick in layout.XTicks)
        {
            gfx.DrawLine(axis, tick.Position, layout.PlotBottom, tick.Position, layout.PlotBottom + 4);
            gfx.DrawString(Text(tick.Value), label, ink, tick.Position, layout.PlotBottom + 6, XStringFormats.TopCenter);
        }

        gfx.DrawLine(axis, layout.PlotLeft, layout.PlotTop, layout.PlotLeft, layout.PlotBottom);
        gfx.DrawLine(axis, layout.PlotLeft, layout.PlotBottom, layout.PlotRight, layout.PlotBottom);
        gfx.DrawString("Days since surgery", label, ink, (layout.PlotLeft + layout.PlotRight) / 2, layout.PlotBottom + 20, XStringFormats.TopCenter);
        var state = gfx.Save();
        gfx.RotateAtTransform(-90, new XPoint(left + 8, (layout.PlotTop + layout.PlotBottom) / 2));
        gfx.DrawString("Pain (0-10)", label, ink, left + 8, (layout.PlotTop + layout.PlotBottom) / 2, XStringFormats.Center);
        gfx.Restore(state);

        DrawSeries(gfx, layout.KneePain, Colour(PainTrendChart.KneeColour), dashed: true, square: true, bold);
        DrawSeries(gfx, layout.BackPain, Colour(PainTrendChart.BackColour), dashed: false, square: false, bold);
    }

    private static void DrawSeries(XGraphics gfx, IReadOnlyList<ChartMark> marks, XColor colour, bool dashed, bool square, XFont font)
    {
        var pen = new XPen(colour, 2) { LineJoin = XLineJoin.Round };
        if (dashed)
        {
            pen.DashStyle = XDashStyle.Dash;
        }

        if (marks.Count > 1)
        {
            gfx.DrawLines(pen, [.. marks.Select(m => new XPoint(m.X, m.Y))]);
        }

        var brush = new XSolidBrush(colour);
        foreach (var mark in marks)
        {
            if (square)
            {
                gfx.DrawRectangle(brush, mark.X - 3.5, mark.Y - 3.5, 7, 7);
            }
            else
            {
                gfx.DrawEllipse(brush, mark.X - 4, mark.Y - 4, 8, 8);
            }

            if (mark.Change != PainChange.NotImportant && mark.Delta is { } delta)
            {
                var worse = mark.Change == PainChange.ImportantWorsening;
                var changeBrush = new XSolidBrush(Colour(worse ? PainTrendChart.WorseColour : PainTrendChart.BetterColour));
                var cy = mark.Y + (worse ? -11 : 11);
                var tip = worse ? cy - 4 : cy + 4;
                var foot = worse ? cy + 3.5 : cy - 3.5;
                gfx.DrawPolygon(changeBrush, [new XPoint(mark.X, tip), new XPoint(mark.X + 5, foot), new XPoint(mark.X - 5, foot)], XFillMode.Winding);
                gfx.DrawString(PainTrendChart.DeltaLabel(delta), font, changeBrush, mark.X + 7, cy, XStringFormats.CenterLeft);
            }
        }
    }

    /// <summary>What the chart shows, in words, for a screen reader: the first and the latest scores.</summary>
    public static string Describe(IReadOnlyList<PainPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var first = points[0];
        var last = points[^1];
        return points.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"Chart of your pain: back pain {first.BackPain.Value} out of 10 on day {first.DaysSinceSurgery}.")
            : string.Create(CultureInfo.InvariantCulture, $"Chart of your pain over {points.Count} checks: back pain {first.BackPain.Value} out of 10 on day {first.DaysSinceSurgery}, {last.BackPain.Value} out of 10 on day {last.DaysSinceSurgery}.");
    }

    private static XColor Colour(string hex) => XColor.FromArgb(HandoutPdf.ParseRgb(hex));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
