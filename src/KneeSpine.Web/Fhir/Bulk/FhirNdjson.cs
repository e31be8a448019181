using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace KneeSpine.Web.Fhir.Bulk;

/// <summary>FHIR Bulk Data NDJSON: one resource per line, compact, through the Firely SDK serializer.</summary>
public static class FhirNdjson
{
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ForFhir();

    public static string Line(Resource resource) => JsonSerializer.Serialize(resource, Options);

    public static Resource Parse(string line) =>
        JsonSerializer.Deserialize<Resource>(line, Options) ?? throw new JsonException("The line is JSON null, not a FHIR resource.");
}
