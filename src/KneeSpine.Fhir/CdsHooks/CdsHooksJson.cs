using System.Text.Json;
using System.Text.Json.Serialization;
using Hl7.Fhir.Model.CdsHooks;
using Hl7.Fhir.Serialization;

namespace KneeSpine.Fhir.CdsHooks;

/// <summary>CDS Hooks JSON through the Firely SDK's CDS Hooks converters.</summary>
public static class CdsHooksJson
{
    /// <summary>
    /// The SDK's CDS Hooks options, leaving out absent optional fields: CDS Hooks 2.0 has no null values,
    /// and the SDK would otherwise write <c>"icon": null</c> and the like. Compact: an EHR reads it, not a person.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    }.ForCdsHooks();

    /// <summary>Writes a service response (the cards).</summary>
    public static string Serialize(Response response) => JsonSerializer.Serialize(response, Options);

    /// <summary>Writes the discovery document of <c>GET /cds-services</c>.</summary>
    public static string Serialize(DiscoveryResponse discovery) => JsonSerializer.Serialize(discovery, Options);

    /// <summary>Reads a service response.</summary>
    public static Response ParseResponse(string json) =>
        JsonSerializer.Deserialize<Response>(json, Options) ?? throw new JsonException("The document is JSON null, not a CDS Hooks response.");
}
