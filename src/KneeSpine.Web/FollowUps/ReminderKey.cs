using System.Globalization;

namespace KneeSpine.Web.FollowUps;

/// <summary>
/// The outbox deduplication key of one reminder, <c>follow-up-reminder:{patientId}:{dueOn}:{1|2}</c>: the unique index
/// on it is what makes two runs, or two nodes, enqueue a check-in's reminder once.
/// </summary>
public sealed record ReminderKey(Guid PatientId, DateOnly DueOn, int Number)
{
    public const string Topic = "follow-up-reminder";

    private const string DateFormat = "yyyy-MM-dd";

    public override string ToString() =>
        $"{Topic}:{PatientId:D}:{DueOn.ToString(DateFormat, CultureInfo.InvariantCulture)}:{Number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The key written by <see cref="ToString"/>, or null for any other text.</summary>
    public static ReminderKey? Parse(string? key)
    {
        var parts = key?.Split(':');
        return parts is [Topic, var patient, var due, var number]
            && Guid.TryParse(patient, out var patientId)
            && DateOnly.TryParseExact(due, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dueOn)
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? new ReminderKey(patientId, dueOn, n)
                : null;
    }
}
