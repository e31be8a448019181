namespace KneeSpine.Web.Charts;

/// <summary>How a pain score moved between two consecutive assessments.</summary>
public enum PainChange
{
    /// <summary>The change is smaller than a clinically important change (or there is none).</summary>
    NotImportant,

    /// <summary>Pain fell by a clinically important amount.</summary>
    ImportantImprovement,

    /// <summary>Pain rose by a clinically important amount.</summary>
    ImportantWorsening,
}
