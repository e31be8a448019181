using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace KneeSpine.Web.Tests.Handouts;

/// <summary>
/// Reads the text back out of a PDF written by PDFsharp: shown strings are glyph ids, so each
/// font's ToUnicode map turns them back into characters. Enough to check what a page says.
/// </summary>
internal static partial class PdfText
{
    public static PdfDocument Open(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);

    /// <summary>The text of each page, shown strings joined by spaces.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        var document = Open(pdf);
        return [.. document.Pages.Cast<PdfPage>().Select(PageText)];
    }

    private static string PageText(PdfPage page)
    {
        var maps = new Dictionary<string, Dictionary<int, string>>();
        var fontDict = page.Resources.Elements.GetDictionary("/Font");
        if (fontDict is not null)
        {
            foreach (var name in fontDict.Elements.Keys)
            {
                var font = fontDict.Elements.GetDictionary(name);
                var toUnicode = font?.Elements.GetDictionary("/ToUnicode");
                if (toUnicode?.Stream is { } stream)
                {
                    maps[name] = ParseCMap(Encoding.ASCII.GetString(stream.UnfilteredValue));
                }
            }
        }

        var text = new StringBuilder();
        var current = new Dictionary<int, string>();
        Walk(ContentReader.ReadContent(page), maps, ref current, text);
        return text.ToString();
    }

    private static void Walk(CSequence sequence, Dictionary<string, Dictionary<int, string>> maps, ref Dictionary<int, string> current, StringBuilder text)
    {
        foreach (var item in sequence)
        {
            if (item is not COperator op)
            {
                continue;
            }

            if (op.OpCode.Name == "Tf" && op.Operands[0] is CName font)
            {
                current = maps.GetValueOrDefault(font.Name, []);
            }
            else if (op.OpCode.Name is "Tj" or "'" or "\"" && op.Operands[^1] is CString shown)
            {
                text.Append(Decode(shown, current)).Append(' ');
            }
            else if (op.OpCode.Name == "TJ" && op.Operands[0] is CArray array)
            {
                foreach (var part in array.OfType<CString>())
                {
                    text.Append(Decode(part, current));
                }

                text.Append(' ');
            }
        }
    }

    private static string Decode(CString shown, Dictionary<int, string> map)
    {
        var bytes = shown.Value.Select(c => (byte)c).ToArray();
        var result = new StringBuilder();
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            var glyph = (bytes[i] << 8) | bytes[i + 1];
            result.Append(map.GetValueOrDefault(glyph, "\uFFFD"));
        }

        return result.ToString();
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match section in Section("bfchar").Matches(cmap))
        {
            foreach (Match m in Pair().Matches(section.Groups[1].Value))
            {
                map[Hex(m.Groups[1].Value)] = Unicode(m.Groups[2].Value);
            }
        }

        foreach (Match section in Section("bfrange").Matches(cmap))
        {
            foreach (Match m in Triple().Matches(section.Groups[1].Value))
            {
                var from = Hex(m.Groups[1].Value);
                var to = Hex(m.Groups[2].Value);
                var start = Hex(m.Groups[3].Value);
                for (var g = from; g <= to; g++)
                {
                    map[g] = char.ConvertFromUtf32(start + (g - from));
                }
            }
        }

        return map;
    }

    private static Regex Section(string name) => new($@"begin{name}(.*?)end{name}", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Unicode(string hex)
    {
        var result = new StringBuilder();
        for (var i = 0; i + 4 <= hex.Length; i += 4)
        {
            result.Append((char)Hex(hex.Substring(i, 4)));
        }

        return result.ToString();
    }

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Triple();
}
