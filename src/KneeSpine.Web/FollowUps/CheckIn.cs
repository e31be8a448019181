namespace KneeSpine.Web.FollowUps;

/// <summary>One scheduled check-in: <paramref name="Day"/> days after surgery, due on <paramref name="DueOn"/>.</summary>
public sealed record CheckIn(int Day, DateOnly DueOn)
{
    /// <summary>An assessment this many days before the due date already counts, so a patient who answers a little early is not reminded.</summary>
    public const int EarlyDays = 3;

    /// <summary>The first date on which an assessment does this check-in.</summary>
    public DateOnly OpensOn => DueOn.AddDays(-EarlyDays);

    /// <summary>Whether an assessment dated <paramref name="assessedOn"/> does this check-in (any date from <see cref="OpensOn"/> onwards).</summary>
    public bool IsDoneBy(DateOnly assessedOn) => assessedOn >= OpensOn;
}
