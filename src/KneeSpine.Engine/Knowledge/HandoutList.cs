using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Knowledge;

/// <summary>One list of the printed handout: a heading, an optional first line, and its signs.</summary>
/// <param name="Heading">The list's heading, e.g. "Call an ambulance now if you have any of these".</param>
/// <param name="Intro">A line printed before the items, when any.</param>
/// <param name="Items">The signs, in the specification's order.</param>
public sealed record HandoutList(string Heading, string? Intro, IReadOnlyList<HandoutItem> Items)
{
    /// <summary>The items for a patient with these answers (<see cref="HandoutItem.AppliesTo"/>), in order.</summary>
    public IReadOnlyList<HandoutItem> ItemsFor(AssessmentInput? input) => [.. Items.Where(i => i.AppliesTo(input))];
}
