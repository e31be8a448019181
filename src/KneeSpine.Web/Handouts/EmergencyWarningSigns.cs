using System.Collections.Frozen;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;

namespace KneeSpine.Web.Handouts;

/// <summary>
/// The signs that mean "emergency care now", in the patient's words, one group per emergency-level
/// alert of the knowledge base. Printed on every handout and result page whatever the triage, so a
/// patient who is well today knows what would change that.
/// </summary>
/// <remarks>
/// A test checks that every emergency alert of <see cref="KnowledgeBase.Default"/> has its signs
/// here, so a new emergency alert cannot be left off the handout.
/// </remarks>
public static class EmergencyWarningSigns
{
    private static readonly FrozenDictionary<string, string[]> ByAlert = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["cauda-equina-syndrome"] =
        [
            "New trouble passing urine, or losing control of your bladder or bowels",
            "New numbness around your genitals, buttocks or inner thighs",
        ],
        ["progressive-neurological-deficit"] = ["Weakness or numbness in your legs that is getting worse"],
        ["suspected-spinal-epidural-hematoma"] =
        [
            "Any of the signs above in the first two weeks after a spinal or epidural injection while you take a blood thinner: say so at once, because minutes count",
        ],
        ["possible-pulmonary-embolism"] = ["Chest pain, or suddenly getting out of breath"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The alert ids this list covers.</summary>
    public static IReadOnlyCollection<string> AlertIds => ByAlert.Keys;

    /// <summary>The signs for every emergency alert of <paramref name="knowledgeBase"/>, in its table order.</summary>
    /// <exception cref="KeyNotFoundException">An emergency alert has no plain-language signs here.</exception>
    public static IReadOnlyList<string> For(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        return [.. knowledgeBase.Alerts
            .Where(a => a.Level == TriageLevel.Emergency)
            .SelectMany(a => ByAlert.TryGetValue(a.Id, out var signs)
                ? signs
                : throw new KeyNotFoundException($"No plain-language warning signs for the emergency alert '{a.Id}'."))];
    }
}
