using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;

namespace KneeSpine.Web.Handouts;

/// <summary>
/// The two lists of warning signs printed on every handout and result page, whatever the triage
/// (clinical-rules.md, "Printed handout"), taken from the current knowledge base: the emergency list with its
/// general advice, then the same-day list with its lead line. Conditional items appear only when the patient's
/// answers meet their condition.
/// </summary>
/// <remarks>
/// A record kept from version 1 gets the current lists too (they are advice for what may happen next, not part of
/// its result); its answers cannot be read as a current input, so only the items for everyone are shown.
/// </remarks>
public static class HandoutSigns
{
    /// <summary>The lists for a patient with these answers (<see langword="null"/> when not known as a current input).</summary>
    /// <exception cref="InvalidOperationException">The knowledge base has no handout lists.</exception>
    public static IReadOnlyList<HandoutSignList> For(AssessmentInput? input)
    {
        var lists = KnowledgeBase.Default.Handout
            ?? throw new InvalidOperationException($"Knowledge base {KnowledgeBase.Default.Version} has no handout lists.");
        return
        [
            new HandoutSignList("emergency", lists.Emergency.Heading, lists.Emergency.Intro, [.. lists.Emergency.ItemsFor(input).Select(i => i.Text)]),
            new HandoutSignList("urgent", lists.Urgent.Heading, lists.Urgent.Intro, [.. lists.Urgent.ItemsFor(input).Select(i => i.Text)]),
        ];
    }
}
