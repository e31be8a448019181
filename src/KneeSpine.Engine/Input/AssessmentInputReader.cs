namespace KneeSpine.Engine.Input;

/// <summary>Reads and validates assessment input JSON, reporting every problem with its JSON path.</summary>
/// <remarks>
/// The reader walks the document itself instead of deserialising it, so that one pass finds every
/// problem (unknown or duplicate properties, missing answers, wrong types, out-of-range values,
/// unknown codes, impossible dates, an assessment before the surgery) and explains each in plain
/// language. See docs/decisions/ADR-002-input-validation.md. It never throws for bad input.
/// </remarks>
public static class AssessmentInputReader
{
    /// <summary>Reads one UTF-8 JSON document (a leading UTF-8 byte-order mark is ignored).</summary>
    /// <param name="utf8Json">The document, e.g. one line of an NDJSON file.</param>
    /// <returns>The model when the document is valid; otherwise every problem found, each with its JSON path (<c>$</c> for the whole document).</returns>
    public static InputReadResult Read(ReadOnlySpan<byte> utf8Json) => InputParser.Parse(utf8Json);
}
