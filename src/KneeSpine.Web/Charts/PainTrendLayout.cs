using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Charts;

/// <summary>
/// The geometry of the pain trend chart, shared by the web (SVG) and the PDF handout (XGraphics)
/// so both draw the same picture from one tested calculation.
/// </summary>
/// <remarks>
/// Days since surgery run along the x axis from 0 to a round number of days; pain runs up the y
/// axis from 0 to 10. Chart units have their origin top-left, as in SVG and PDFsharp.
/// </remarks>
public sealed class PainTrendLayout
{
    // Tick steps in days: a week and its multiples read naturally for post-operative follow-up.
    private static readonly int[] DayStepChoices = [1, 2, 7, 14, 28, 56, 91, 182, 364];
    private const int MaxXTicks = 8;

    private PainTrendLayout(double left, double top, double right, double bottom, int maxDay, IReadOnlyList<PainPoint> points, double minGap)
    {
        PlotLeft = left;
        PlotTop = top;
        PlotRight = right;
        PlotBottom = bottom;
        MaxDay = maxDay;
        Points = points;
        var step = DayStepChoices.FirstOrDefault(s => maxDay / s <= MaxXTicks, DayStepChoices[^1]);
        XTicks = [.. Enumerable.Range(0, (maxDay / step) + 1).Select(i => new ChartTick(i * step, XFor(i * step)))];
        YTicks = [.. Enumerable.Range(0, (PainScore.Max / 2) + 1).Select(i => new ChartTick(i * 2, YFor(i * 2)))];
        var xs = Spread([.. points.Select(p => XFor(p.DaysSinceSurgery))], left, right, minGap);
        BackPain = Marks(points.Select((p, i) => (p, (PainScore?)p.BackPain, xs[i])));
        KneePain = Marks(points.Select((p, i) => (p, p.KneePain, xs[i])));
    }

    /// <summary>Left edge of the plot area.</summary>
    public double PlotLeft { get; }

    /// <summary>Top edge of the plot area.</summary>
    public double PlotTop { get; }

    /// <summary>Right edge of the plot area.</summary>
    public double PlotRight { get; }

    /// <summary>Bottom edge of the plot area (the x axis).</summary>
    public double PlotBottom { get; }

    /// <summary>Last day shown on the x axis: a whole number of tick steps, at least 7.</summary>
    public int MaxDay { get; }

    /// <summary>The assessments, in time order.</summary>
    public IReadOnlyList<PainPoint> Points { get; }

    /// <summary>Ticks along the x axis (days since surgery).</summary>
    public IReadOnlyList<ChartTick> XTicks { get; }

    /// <summary>Ticks up the y axis (pain 0, 2, ... 10).</summary>
    public IReadOnlyList<ChartTick> YTicks { get; }

    /// <summary>Back-pain scores, one per assessment.</summary>
    public IReadOnlyList<ChartMark> BackPain { get; }

    /// <summary>Knee-pain scores, for the assessments that asked about the knee.</summary>
    public IReadOnlyList<ChartMark> KneePain { get; }

    /// <summary>Lays out <paramref name="points"/> in a plot area inside a canvas.</summary>
    /// <param name="points">Assessments in any order; they are sorted by days since surgery, then date.</param>
    /// <param name="left">Left edge of the plot area.</param>
    /// <param name="top">Top edge of the plot area.</param>
    /// <param name="right">Right edge of the plot area.</param>
    /// <param name="bottom">Bottom edge of the plot area.</param>
    /// <param name="minGap">
    /// The least horizontal distance between two assessments' marks. Assessments on the same day (or days too close
    /// to tell apart) are moved sideways just enough to keep their marks and change labels apart; the table keeps
    /// the exact days.
    /// </param>
    public static PainTrendLayout Create(IEnumerable<PainPoint> points, double left, double top, double right, double bottom, double minGap = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (right <= left || bottom <= top)
        {
            throw new ArgumentException("The plot area must have a positive width and height.", nameof(right));
        }

        var ordered = points.OrderBy(p => p.DaysSinceSurgery).ThenBy(p => p.AssessedOn).ToArray();
        if (ordered.Any(p => p.DaysSinceSurgery < 0))
        {
            throw new ArgumentException("An assessment cannot be before the surgery.", nameof(points));
        }

        var lastDay = ordered.Length == 0 ? 0 : ordered[^1].DaysSinceSurgery;
        return new PainTrendLayout(left, top, right, bottom, RoundUpDays(Math.Max(lastDay, 7)), ordered, Math.Max(0, minGap));
    }

    /// <summary>Horizontal position of a day since surgery.</summary>
    public double XFor(int day) => PlotLeft + ((PlotRight - PlotLeft) * day / MaxDay);

    /// <summary>Vertical position of a pain score.</summary>
    public double YFor(int score) => PlotBottom - ((PlotBottom - PlotTop) * score / PainScore.Max);

    private static int RoundUpDays(int lastDay)
    {
        var step = DayStepChoices.FirstOrDefault(s => (lastDay + s - 1) / s <= MaxXTicks, DayStepChoices[^1]);
        return (lastDay + step - 1) / step * step;
    }

    /// <summary>
    /// Moves sorted positions apart so neighbours are at least <paramref name="gap"/> apart, as little as possible and
    /// inside [<paramref name="low"/>, <paramref name="high"/>]: first pushing right, then, where that ran past the
    /// right edge, pulling back left. With more points than fit, the gap shrinks to what fits.
    /// </summary>
    internal static double[] Spread(double[] positions, double low, double high, double gap)
    {
        var xs = (double[])positions.Clone();
        if (xs.Length < 2 || gap <= 0)
        {
            return xs;
        }

        gap = Math.Min(gap, (high - low) / (xs.Length - 1));
        for (var i = 1; i < xs.Length; i++)
        {
            xs[i] = Math.Max(xs[i], xs[i - 1] + gap);
        }

        xs[^1] = Math.Min(xs[^1], high);
        for (var i = xs.Length - 2; i >= 0; i--)
        {
            xs[i] = Math.Min(xs[i], xs[i + 1] - gap);
        }

        return xs;
    }

    private ChartMark[] Marks(IEnumerable<(PainPoint Point, PainScore? Score, double X)> scores)
    {
        var marks = new List<ChartMark>();
        PainScore? previous = null;
        foreach (var (point, score, x) in scores)
        {
            if (score is not { } current)
            {
                continue;
            }

            var delta = previous is { } p ? current.Value - p.Value : (int?)null;
            var change = previous is { } before ? ClinicallyImportantChange.Between(before, current) : PainChange.NotImportant;
            marks.Add(new ChartMark(x, YFor(current.Value), point, current.Value, delta, change));
            previous = current;
        }

        return [.. marks];
    }
}
