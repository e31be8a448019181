namespace KneeSpine.Web.Reports;

/// <summary>
/// Quartiles of whole-number scores from their counts, by linear interpolation between order statistics (the method
/// of PostgreSQL's <c>percentile_cont</c>, R's type 7 and Excel's PERCENTILE.INC). Scores are 0-10, so the database
/// returns at most eleven counts per group and the quartiles are computed here the same way on both databases.
/// </summary>
public static class Quantiles
{
    /// <summary>The <paramref name="p"/> quantile (0-1) of the values whose counts are <paramref name="counts"/>; null when there are none.</summary>
    public static double? Of(IReadOnlyDictionary<int, long> counts, double p)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Values.Sum();
        if (total == 0)
        {
            return null;
        }

        var position = (total - 1) * p;
        var lower = (long)Math.Floor(position);
        var fraction = position - lower;
        var low = ValueAt(counts, lower);
        var high = fraction == 0 ? low : ValueAt(counts, lower + 1);
        return low + ((high - low) * fraction);
    }

    /// <summary>The value at 0-based rank <paramref name="rank"/> in ascending order.</summary>
    private static int ValueAt(IReadOnlyDictionary<int, long> counts, long rank)
    {
        long seen = 0;
        foreach (var (value, count) in counts.OrderBy(c => c.Key))
        {
            seen += count;
            if (rank < seen)
            {
                return value;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(rank));
    }
}
