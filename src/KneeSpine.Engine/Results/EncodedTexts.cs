using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KneeSpine.Engine.Results;

/// <summary>
/// The knowledge base's long texts, JSON-encoded once when an evaluator is built, so that writing
/// a result copies their bytes instead of transcoding and escaping each time. Kept for the default
/// encoder and the relaxed one (which the CLI uses); with any other encoder, or for a text not
/// registered, the writer escapes as usual, so the output bytes never depend on this cache.
/// Keyed by string identity and held weakly: texts of an unused knowledge base can be collected.
/// </summary>
internal static class EncodedTexts
{
    private static readonly ConditionalWeakTable<string, Entry> Encoded = [];

    public static void Add(string? text)
    {
        if (text is not null)
        {
            Encoded.TryAdd(text, new Entry(text));
        }
    }

    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string text)
    {
        var encoder = writer.Options.Encoder;
        if (Encoded.TryGetValue(text, out var entry))
        {
            if (encoder is null || ReferenceEquals(encoder, JavaScriptEncoder.Default))
            {
                writer.WriteString(name, entry.Default);
                return;
            }

            if (ReferenceEquals(encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))
            {
                writer.WriteString(name, entry.Relaxed);
                return;
            }
        }

        writer.WriteString(name, text);
    }

    private sealed class Entry(string text)
    {
        public JsonEncodedText Default { get; } = JsonEncodedText.Encode(text);

        public JsonEncodedText Relaxed { get; } = JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    }
}
