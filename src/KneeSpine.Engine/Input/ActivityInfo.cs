namespace KneeSpine.Engine.Input;

/// <summary>The <c>activity</c> section.</summary>
public sealed record ActivityInfo
{
    /// <summary><c>activity.exerciseMinutesPerWeek</c>, 0-5000.</summary>
    public int? ExerciseMinutesPerWeek { get; init; }

    /// <summary><c>activity.levelBeforeSurgery</c>.</summary>
    public ActivityLevel? LevelBeforeSurgery { get; init; }

    /// <summary><c>activity.trunkMuscleWeakness</c>: weak abdominal or lower-back muscles.</summary>
    public bool? TrunkMuscleWeakness { get; init; }

    /// <summary><c>activity.walkingAid</c>.</summary>
    public WalkingAid? WalkingAid { get; init; }

    /// <summary><c>activity.limp</c>.</summary>
    public bool? Limp { get; init; }

    /// <summary><c>activity.legLengthDifferenceNoticed</c>.</summary>
    public bool? LegLengthDifferenceNoticed { get; init; }
}
