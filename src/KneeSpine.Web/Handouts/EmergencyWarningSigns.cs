using KneeSpine.Engine.Knowledge;

namespace KneeSpine.Web.Handouts;

/// <summary>
/// The signs that mean "call an ambulance now", in the patient's words: the first list of the printed
/// handout, kept as data in the knowledge base (<see cref="KnowledgeBase.Handout"/>). Printed on every
/// handout and result page whatever the triage, so a patient who is well today knows what would change that.
/// </summary>
/// <remarks>
/// The knowledge base checks at load that every emergency alert has its signs on this list and that the
/// list names no sign of a lower level, so a new emergency alert cannot be left off the handout.
/// </remarks>
public static class EmergencyWarningSigns
{
    /// <summary>The alert ids this list covers.</summary>
    public static IReadOnlyCollection<string> AlertIds =>
        [.. KnowledgeBase.Default.Handout!.Emergency.Items.SelectMany(i => i.Alerts).Distinct(StringComparer.Ordinal)];

    /// <summary>The signs of the first handout list of <paramref name="knowledgeBase"/>, in its order.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="knowledgeBase"/> is archived and has no handout.</exception>
    public static IReadOnlyList<string> For(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var handout = knowledgeBase.Handout ?? throw new InvalidOperationException($"Knowledge base {knowledgeBase.Version} has no handout lists.");
        return [.. handout.Emergency.Items.Select(i => i.Text)];
    }
}
