namespace KneeSpine.Web.Charts;

/// <summary>One plotted score: where it sits, and how it moved from the series' previous score.</summary>
/// <param name="X">Horizontal position in chart units.</param>
/// <param name="Y">Vertical position in chart units (downwards).</param>
/// <param name="Point">The assessment it belongs to.</param>
/// <param name="Score">The plotted score, 0-10.</param>
/// <param name="Delta">Change from the series' previous score; <see langword="null"/> for the first score.</param>
/// <param name="Change">Whether that change is clinically important, and which way.</param>
public sealed record ChartMark(double X, double Y, PainPoint Point, int Score, int? Delta, PainChange Change);
