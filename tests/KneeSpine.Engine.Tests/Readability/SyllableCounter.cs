namespace KneeSpine.Engine.Tests.Readability;

/// <summary>
/// Counts the syllables of an English word by its vowel groups, with the usual corrections: a silent
/// final e (also before -ment, -ful, -less, -ly, -ness), -ed and -es that add no syllable, vowel pairs
/// said as two syllables (media, radio, usual, quiet), and -ing after a vowel (going).
/// <see cref="SyllableCounterTests"/> holds it to dictionary counts.
/// </summary>
/// <remarks>
/// A pronouncing dictionary (CMUdict) is the usual source, but none is served as a package here and
/// the rules are small; the few words whose spelling misleads them are in <see cref="Exceptions"/>,
/// each with its dictionary count, and the word-list test keeps both honest.
/// </remarks>
internal static class SyllableCounter
{
    /// <summary>Words whose spelling misleads the rules, with their dictionary syllable counts.</summary>
    private static readonly Dictionary<string, int> Exceptions = new(StringComparer.Ordinal)
    {
        ["area"] = 3,
        ["centimetres"] = 4,
        ["diabetes"] = 4,
        ["evening"] = 2,
        ["every"] = 2,
        ["everyone"] = 3,
        ["everything"] = 3,
        ["anyone"] = 3,
        ["people"] = 2,
        ["someone"] = 2,
        ["something"] = 2,
        ["sometimes"] = 2,
        ["business"] = 2,
    };

    private static readonly string[] SilentEBefore = ["ments", "ment", "fully", "ful", "less", "ly", "ness"];

    public static int Count(string word)
    {
        var w = new string([.. word.ToLowerInvariant().Where(char.IsLetter)]);
        if (w.Length == 0)
        {
            return 0;
        }

        if (Exceptions.TryGetValue(w, out var known))
        {
            return known;
        }

        if (w.Length <= 3)
        {
            return 1;
        }

        var count = 0;
        var previousVowel = false;
        for (var i = 0; i < w.Length; i++)
        {
            var vowel = IsVowel(w, i);
            if (vowel && (!previousVowel || SplitPair(w, i)))
            {
                count++;
            }

            previousVowel = vowel;
        }

        count -= SilentEndings(w);
        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 4 && IsVowelLetter(w[^4]) && w[^4] != 'y')
        {
            // "going", "seeing", "continuing": the vowel before -ing is a syllable of its own.
            count++;
        }

        return Math.Max(1, count);
    }

    /// <summary>a e i o u, y after a consonant, but not the u of "qu" or "gu" before a vowel.</summary>
    private static bool IsVowel(string w, int i) => w[i] switch
    {
        'a' or 'e' or 'i' or 'o' => true,
        'u' => !(i > 0 && w[i - 1] is 'q' or 'g' && i + 1 < w.Length && IsVowelLetter(w[i + 1])),
        'y' => i > 0 && !IsVowelLetter(w[i - 1]),
        _ => false,
    };

    private static bool IsVowelLetter(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>Two vowels in a row said as two syllables.</summary>
    private static bool SplitPair(string w, int i)
    {
        var before = i >= 2 ? w[i - 2] : ' ';
        return (w[i - 1], w[i]) switch
        {
            ('i', 'a') => before is not 'c' and not 's' and not 't' and not 'g',
            ('i', 'o') => before is not 't' and not 's' and not 'c' and not 'x' and not 'g',
            ('e', 'o') => before is not 'g' and not 'c' && !(i + 1 < w.Length && w[i + 1] == 'u'),
            ('u', 'a') or ('u', 'o') => true,
            ('i', 'e') => i + 1 < w.Length && w[i + 1] == 't' || (string.CompareOrdinal(w, i + 1, "nt", 0, 2) == 0 && before != 't'),
            ('y', _) => true,
            _ => false,
        };
    }

    /// <summary>Syllables to take back for silent letters that the vowel groups counted.</summary>
    private static int SilentEndings(string w)
    {
        foreach (var suffix in SilentEBefore)
        {
            // "placement", "careful", "likely": the e before the suffix is silent after consonant + vowel.
            var e = w.Length - suffix.Length - 1;
            if (w.EndsWith(suffix, StringComparison.Ordinal) && e >= 2 && w[e] == 'e' && !IsVowelLetter(w[e - 1]) && IsVowelLetter(w[e - 2]))
            {
                return 1;
            }
        }

        if (w.EndsWith("le", StringComparison.Ordinal) && !IsVowelLetter(w[^3]))
        {
            // "table", "simple": the final -le is a syllable, already counted by its e.
            return 0;
        }

        if (w[^1] == 'e' && w[^2] is not 'e' and not 'i' and not 'y' and not 'o')
        {
            return 1;
        }

        if (w.EndsWith("ed", StringComparison.Ordinal) && w[^3] is not 't' and not 'd' && !IsVowelLetter(w[^3]))
        {
            return 1;
        }

        return w.EndsWith("es", StringComparison.Ordinal) && !IsVowelLetter(w[^3])
            && w[^3] is not 's' and not 'x' and not 'z' and not 'c' and not 'g' && !(w[^3] == 'h' && w[^4] is 'c' or 's')
            ? 1
            : 0;
    }
}
