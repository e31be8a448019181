using System.Buffers;
using System.Text;

namespace KneeSpine.Fhir.CdsHooks;

/// <summary>Plain text inside a CDS card's Markdown detail.</summary>
internal static class MarkdownText
{
    private static readonly SearchValues<char> Special = SearchValues.Create("\\*_`[]<>#");

    /// <summary>
    /// Appends <paramref name="plain"/> with Markdown's special characters escaped. Most texts have none and are appended
    /// whole, without a copy: the card is built on every CDS call.
    /// </summary>
    public static StringBuilder AppendMarkdownText(this StringBuilder markdown, string plain)
    {
        var rest = plain.AsSpan();
        for (var next = rest.IndexOfAny(Special); next >= 0; next = rest.IndexOfAny(Special))
        {
            markdown.Append(rest[..next]).Append('\\').Append(rest[next]);
            rest = rest[(next + 1)..];
        }

        return markdown.Append(rest);
    }
}
