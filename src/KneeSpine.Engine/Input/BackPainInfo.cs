namespace KneeSpine.Engine.Input;

/// <summary>The <c>backPain</c> section.</summary>
/// <param name="IntensityNow">Back pain now, 0-10.</param>
public sealed record BackPainInfo(PainScore IntensityNow)
{
    /// <summary><c>backPain.intensityWorstLastWeek</c>.</summary>
    public PainScore? IntensityWorstLastWeek { get; init; }

    /// <summary><c>backPain.frequency</c>.</summary>
    public PainFrequency? Frequency { get; init; }

    /// <summary><c>backPain.startedWhen</c>.</summary>
    public PainOnset? StartedWhen { get; init; }

    /// <summary><c>backPain.historyBeforeSurgery</c>: back pain in the year before the knee surgery.</summary>
    public BackPainHistory? HistoryBeforeSurgery { get; init; }

    /// <summary><c>backPain.painBelowKnee</c>: pain shooting from the back down the leg below the knee.</summary>
    public bool? PainBelowKnee { get; init; }

    /// <summary><c>backPain.worseAtNightAtRest</c>: worst at night or at rest, not eased by changing position.</summary>
    public bool? WorseAtNightAtRest { get; init; }
}
