using System.Text.RegularExpressions;

namespace KneeSpine.Engine.Tests.Readability;

/// <summary>
/// The Flesch-Kincaid grade of clinical-rules.md, "Plain language":
/// <c>0.39 × words/sentences + 11.8 × syllables/words − 15.59</c>, measured per text block, with
/// bracketed medical terms and medicine names left out of the measurement.
/// </summary>
internal static partial class FleschKincaid
{
    /// <summary>The formula gives no usable grade below this many words.</summary>
    public const int MinimumWords = 10;

    /// <summary>Medicine names, left out of the measurement as the specification allows.</summary>
    private static readonly HashSet<string> MedicineNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "ibuprofen", "naproxen", "aspirin", "paracetamol", "acetaminophen", "rivaroxaban", "apixaban", "warfarin",
        "codeine", "tramadol", "morphine", "oxycodone", "gabapentin", "pregabalin", "clopidogrel", "prednisolone",
    };

    /// <summary>The words of a block as measured: brackets and medicine names removed.</summary>
    public static string[] Words(string text) =>
        [.. Brackets().Replace(text, " ").Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetterOrDigit) && !MedicineNames.Contains(w.Trim(',', '.', '?', '!', ':', ';')))];

    /// <summary>Sentences end with . ? or ! (a decimal point inside a number does not end one).</summary>
    public static int Sentences(string text) =>
        Math.Max(1, SentenceEnd().Matches(Brackets().Replace(text, " ")).Count);

    /// <summary>Syllables of a word; a number counts one syllable per digit, a generous reading of how it is said.</summary>
    public static int Syllables(string word) =>
        word.Any(char.IsLetter) ? SyllableCounter.Count(word) : Math.Max(1, word.Count(char.IsDigit));

    /// <summary>The grade of a block, or <see langword="null"/> when it has fewer than <see cref="MinimumWords"/> words.</summary>
    public static double? Grade(string text)
    {
        var words = Words(text);
        if (words.Length < MinimumWords)
        {
            return null;
        }

        var syllables = words.Sum(Syllables);
        return (0.39 * words.Length / Sentences(text)) + (11.8 * syllables / words.Length) - 15.59;
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"[.?!](?=\s|$)")]
    private static partial Regex SentenceEnd();
}
