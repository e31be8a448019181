using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Charts;

/// <summary>
/// Whether a change in a 0-10 pain score between two consecutive assessments is clinically important.
/// </summary>
/// <remarks>
/// ostelo-2008 puts the minimal important change for a 0-10 pain rating at about 2 points or 30%
/// of the earlier score. The self-monitoring plan item tells patients the same ("a change of 2
/// points or 30% is a real change"), so the chart marks exactly that: a change is important when
/// <c>|next - previous| &gt;= 2</c>, or when <c>previous &gt; 0</c> and
/// <c>|next - previous| &gt;= 0.3 * previous</c>. The percentage is computed in whole numbers
/// (<c>10 * |delta| &gt;= 3 * previous</c>) so that 30% is exact, never a rounding accident. With a
/// previous score of 0 only the 2-point rule applies (30% of nothing is no change at all).
/// A change of 0 is never important.
/// </remarks>
public static class ClinicallyImportantChange
{
    /// <summary>Smallest change in points that is important whatever the earlier score.</summary>
    public const int MinimumPoints = 2;

    /// <summary>Smallest change, as a percentage of the earlier score, that is important.</summary>
    public const int MinimumPercent = 30;

    /// <summary>Classifies the change from <paramref name="previous"/> to <paramref name="next"/>.</summary>
    public static PainChange Between(PainScore previous, PainScore next)
    {
        var delta = next.Value - previous.Value;
        if (delta == 0)
        {
            return PainChange.NotImportant;
        }

        var size = Math.Abs(delta);
        var important = size >= MinimumPoints
            || (previous.Value > 0 && 100 * size >= MinimumPercent * previous.Value);
        if (!important)
        {
            return PainChange.NotImportant;
        }

        return delta > 0 ? PainChange.ImportantWorsening : PainChange.ImportantImprovement;
    }
}
