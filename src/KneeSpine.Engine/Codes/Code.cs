using System.Collections.Frozen;
using System.Text.Json;

namespace KneeSpine.Engine.Codes;

/// <summary>
/// Maps the members of a code enum to the kebab-case codes of the specification
/// (<c>CombinedSpinalEpidural</c> is <c>combined-spinal-epidural</c>) and back.
/// </summary>
/// <remarks>One mechanism for every code set, so a new enum member needs no hand-written mapping.</remarks>
/// <typeparam name="TCode">An enum whose member names are the PascalCase form of the codes.</typeparam>
public static class Code<TCode> where TCode : struct, Enum
{
    private static readonly TCode[] Members = Enum.GetValues<TCode>();
    private static readonly string[] Texts = [.. Members.Select(m => JsonNamingPolicy.KebabCaseLower.ConvertName(m.ToString()))];
    private static readonly FrozenDictionary<string, TCode> ByText =
        Members.Zip(Texts).ToFrozenDictionary(p => p.Second, p => p.First, StringComparer.Ordinal);
    private static readonly FrozenDictionary<TCode, string> ByMember =
        Members.Zip(Texts).ToFrozenDictionary(p => p.First, p => p.Second);

    /// <summary>Every code of the set, in declaration order.</summary>
    public static IReadOnlyList<string> All => Texts;

    /// <summary>Every member of the set, in declaration order.</summary>
    public static IReadOnlyList<TCode> Values => Members;

    /// <summary>The specification's code for <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a declared member.</exception>
    public static string ToCode(TCode value) =>
        ByMember.TryGetValue(value, out var text) ? text : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a member of the code set.");

    /// <summary>Finds the member whose code is <paramref name="code"/> (exact, case-sensitive).</summary>
    public static bool TryParse(string code, out TCode value) => ByText.TryGetValue(code, out value);

    /// <summary>Finds the member whose code is <paramref name="code"/>, without allocating a string.</summary>
    public static bool TryParse(ReadOnlySpan<char> code, out TCode value) =>
        ByText.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code, out value);
}
