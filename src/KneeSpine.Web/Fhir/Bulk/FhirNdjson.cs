using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace KneeSpine.Web.Fhir.Bulk;

/// <summary>FHIR Bulk Data NDJSON: one resource per line, compact, through the Firely SDK serializer.</summary>
public static class FhirNdjson
{
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ForFhir();

    /// <summary>
    /// The options a <see cref="Utf8JsonWriter"/> needs for <see cref="Write"/> to give the bytes of <see cref="Line"/>
    /// (the serializer takes its escaping and indentation from the writer, not from <see cref="Options"/>).
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = Options.Encoder, Indented = Options.WriteIndented };

    public static string Line(Resource resource) => JsonSerializer.Serialize(resource, Options);

    /// <summary>
    /// Writes the resource as <see cref="Line"/> would, straight into <paramref name="writer"/> (made with
    /// <see cref="WriterOptions"/>), so a bulk writer makes no string per line; without the line's end.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Resource resource) => JsonSerializer.Serialize(writer, resource, Options);

    public static Resource Parse(string line) =>
        KneeSpine.Fhir.Serialization.FhirJson.Deserialize(line, Options) ?? throw new JsonException("The line is JSON null, not a FHIR resource.");
}
