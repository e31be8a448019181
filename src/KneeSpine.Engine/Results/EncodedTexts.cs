using System.Runtime.CompilerServices;
using System.Text.Json;

namespace KneeSpine.Engine.Results;

/// <summary>
/// The knowledge base's long texts, JSON-encoded once when an evaluator is built, so that writing
/// a result copies their bytes instead of transcoding and escaping each time. Keyed by string
/// identity and held weakly: texts of an unused knowledge base can still be collected.
/// </summary>
internal static class EncodedTexts
{
    private static readonly ConditionalWeakTable<string, object> Encoded = [];

    public static void Add(string? text)
    {
        if (text is not null)
        {
            Encoded.TryAdd(text, JsonEncodedText.Encode(text));
        }
    }

    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string text)
    {
        if (Encoded.TryGetValue(text, out var encoded))
        {
            writer.WriteString(name, (JsonEncodedText)encoded);
        }
        else
        {
            writer.WriteString(name, text);
        }
    }
}
