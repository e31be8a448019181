using System.Collections.Frozen;

namespace KneeSpine.Fhir.Terminology;

/// <summary>Display texts for the input's kebab-case codes, shared by the Questionnaire, its answers and the CodeSystems.</summary>
/// <remarks>
/// The schema's codes carry no display text of their own. Most read well once the hyphens are spaces;
/// the few that do not (abbreviations, technical words put to patients) are spelt out here.
/// </remarks>
public static class CodeDisplay
{
    private static readonly FrozenDictionary<string, string> Overrides = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nsaid"] = "Anti-inflammatory (NSAID, for example ibuprofen)",
        ["opioid"] = "Strong pain medicine (opioid, for example codeine or tramadol)",
        ["gabapentinoid"] = "Nerve pain medicine (gabapentin or pregabalin)",
        ["varus"] = "Bow-legged (varus)",
        ["valgus"] = "Knock-kneed (valgus)",
        ["combined-spinal-epidural"] = "Combined spinal-epidural",
        ["self-care"] = "Self-care",
        ["cancer-history"] = "Cancer, now or in the past",
        ["prophylactic"] = "Yes, to prevent clots (prophylactic)",
        ["therapeutic"] = "Yes, to treat a clot (therapeutic)",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The display text for <paramref name="code"/>.</summary>
    public static string For(string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        if (Overrides.TryGetValue(code, out var text))
        {
            return text;
        }

        var words = code.Replace('-', ' ');
        return string.Concat(char.ToUpperInvariant(words[0]).ToString(), words[1..]);
    }
}
