using System.ComponentModel.DataAnnotations;

namespace KneeSpine.Web.Worklist;

/// <summary><c>KneeSpine:Worklist</c>: how soon someone must act on an opened item. An emergency is due at once.</summary>
public sealed class WorklistOptions
{
    public const string Section = "KneeSpine:Worklist";

    /// <summary>An urgent result is due this long after it opened (default 4 hours; the spec's urgent means "today").</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "KneeSpine:Worklist:UrgentWithin must be from 1 minute to 1 day.")]
    public TimeSpan UrgentWithin { get; set; } = TimeSpan.FromHours(4);

    /// <summary>A soon result is due this long after it opened (default 3 days; the spec's soon means a review within two weeks).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "14.00:00:00", ErrorMessage = "KneeSpine:Worklist:SoonWithin must be from 1 minute to 14 days.")]
    public TimeSpan SoonWithin { get; set; } = TimeSpan.FromDays(3);
}
