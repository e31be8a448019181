using KneeSpine.Engine.Knowledge;

namespace KneeSpine.Web.Handouts;

/// <summary>One plan item as the patient reads it.</summary>
/// <param name="Title">Short title, e.g. "Physical therapy".</param>
/// <param name="Text">What to do, in plain language.</param>
public sealed record HandoutPlanItem(string Title, string Text)
{
    /// <summary>The sources this item rests on, printed as short labels under it (the full entries are in the sources list).</summary>
    public IReadOnlyList<Citation> Sources { get; init; } = [];
}
