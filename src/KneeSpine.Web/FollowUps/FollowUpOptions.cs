using System.ComponentModel.DataAnnotations;

namespace KneeSpine.Web.FollowUps;

/// <summary><c>KneeSpine:FollowUp</c>: when patients are asked to check in after surgery, and how often they are reminded.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "KneeSpine:FollowUp";

    /// <summary>Days after surgery at which a check-in is due (<c>KneeSpine:FollowUp:Days:0</c>, <c>:1</c> ...): positive, ascending, distinct.</summary>
    public IList<int> Days { get; set; } = [14, 42, 90];

    /// <summary>The second (and last) reminder for a check-in goes this many days after the first, if it is still not done.</summary>
    public int RemindAgainAfterDays { get; set; } = 7;

    /// <summary>How often the reminder job looks for check-ins that are due.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The address patients reach the app at (<c>KneeSpine:PublicBaseUrl</c>), for the reminder's link; without it no reminder is sent.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }
}
