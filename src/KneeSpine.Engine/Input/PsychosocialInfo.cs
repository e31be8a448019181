namespace KneeSpine.Engine.Input;

/// <summary>
/// The optional <c>psychosocial</c> section: the PHQ-2 and GAD-2 items (0 = not at all,
/// 1 = several days, 2 = more than half the days, 3 = nearly every day, over the last 2 weeks) and
/// KneeSpine's own fear-of-movement item. An unanswered item fires nothing; a score needs both of its items.
/// </summary>
public sealed record PsychosocialInfo
{
    /// <summary><c>psychosocial.littleInterestOrPleasure</c> (PHQ-2 item 1), 0-3.</summary>
    public int? LittleInterestOrPleasure { get; init; }

    /// <summary><c>psychosocial.feelingDownDepressedOrHopeless</c> (PHQ-2 item 2), 0-3.</summary>
    public int? FeelingDownDepressedOrHopeless { get; init; }

    /// <summary><c>psychosocial.feelingNervousAnxiousOrOnEdge</c> (GAD-2 item 1), 0-3.</summary>
    public int? FeelingNervousAnxiousOrOnEdge { get; init; }

    /// <summary><c>psychosocial.unableToStopOrControlWorrying</c> (GAD-2 item 2), 0-3.</summary>
    public int? UnableToStopOrControlWorrying { get; init; }

    /// <summary><c>psychosocial.avoidsMovementForFearOfHarm</c>: agrees with "I avoid moving because I worry that moving will harm my back" (not validated).</summary>
    public bool? AvoidsMovementForFearOfHarm { get; init; }
}
