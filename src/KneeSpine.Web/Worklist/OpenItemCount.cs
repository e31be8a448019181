using KneeSpine.Store.Database;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Worklist;

/// <summary>
/// The number of open items the navigation shows on every clinic page. One bounded, index-only count, cached for a
/// few seconds so a busy clinic (or the load test's page scenario) does not count on every request; this node's own
/// opens and acknowledgements clear the cache at once, another node's show within <see cref="Lifetime"/>.
/// </summary>
public sealed class OpenItemCount(TimeProvider time)
{
    /// <summary>Counting stops here: the navigation says "99+", and the count costs the same with ten thousand open.</summary>
    public const int Cap = 99;

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private (int Count, DateTimeOffset Until)? cached;

    /// <summary>Open items, at most <see cref="Cap"/> + 1 (meaning "more than the cap").</summary>
    public async Task<int> GetAsync(KneeSpineDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (cached is { } hit && now < hit.Until)
            {
                return hit.Count;
            }
        }

        var count = await db.WorklistItems.Where(i => i.AcknowledgedAt == null).Take(Cap + 1).CountAsync(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            cached = (count, now + Lifetime);
        }

        return count;
    }

    public void Invalidate()
    {
        lock (gate)
        {
            cached = null;
        }
    }

    /// <summary>The navigation's text for <paramref name="count"/>.</summary>
    public static string Text(int count) => count > Cap ? $"{Cap}+" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
