namespace KneeSpine.Web.FollowUps;

/// <summary>The earliest check-in not done, as of <paramref name="AsOf"/>.</summary>
public sealed record NextFollowUp(CheckIn CheckIn, DateOnly AsOf)
{
    public int Day => CheckIn.Day;

    public DateOnly DueOn => CheckIn.DueOn;

    /// <summary>Its due date is before <see cref="AsOf"/>; on the due day itself it is due, not overdue.</summary>
    public bool Overdue => DueOn < AsOf;

    /// <summary>Days past the due date; 0 when not overdue.</summary>
    public int DaysOverdue => Overdue ? AsOf.DayNumber - DueOn.DayNumber : 0;
}
