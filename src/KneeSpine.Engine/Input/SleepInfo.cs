namespace KneeSpine.Engine.Input;

/// <summary>The <c>sleep</c> section.</summary>
public sealed record SleepInfo
{
    /// <summary><c>sleep.hoursPerNight</c>, 0-24.</summary>
    public double? HoursPerNight { get; init; }

    /// <summary><c>sleep.troubleSleeping</c>.</summary>
    public SleepTrouble? TroubleSleeping { get; init; }

    /// <summary><c>sleep.poorNightsPerWeek</c>, 0-7.</summary>
    public int? PoorNightsPerWeek { get; init; }
}
