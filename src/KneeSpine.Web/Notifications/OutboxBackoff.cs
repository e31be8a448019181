namespace KneeSpine.Web.Notifications;

/// <summary>
/// When a failed message is tried again: 5 s after the first failure, doubling, never more than 60 s apart, so a mail
/// server that comes back is used within a minute, and forever: a message is never given up (an admin sees it failing).
/// </summary>
public static class OutboxBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt.</summary>
    public static TimeSpan After(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        // 5 s * 2^(n-1) passes 60 s at the fifth attempt; the exponent is capped so the shift cannot overflow.
        var delay = First * (1L << Math.Min(attempts - 1, 8));
        return delay < Longest ? delay : Longest;
    }
}
