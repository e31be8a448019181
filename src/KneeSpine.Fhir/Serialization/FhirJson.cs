using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace KneeSpine.Fhir.Serialization;

/// <summary>FHIR JSON through the Firely SDK's System.Text.Json converters, configured once.</summary>
public static class FhirJson
{
    /// <summary>Indented output, strict parsing.</summary>
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ForFhir().Pretty();

    /// <summary>Writes <paramref name="resource"/> as FHIR JSON.</summary>
    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, Options);

    /// <summary>Reads any FHIR resource with <paramref name="options"/>; null for JSON null.</summary>
    /// <exception cref="DeserializationFailedException">The JSON is not valid FHIR.</exception>
    /// <exception cref="JsonException">The JSON is not valid, or not FHIR in a way Firely reports otherwise.</exception>
    public static Resource? Deserialize(string json, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<Resource>(json, options);
        }
        catch (InvalidOperationException firely)
        {
            // Firely's deserializer reports most faults as DeserializationFailedException, but throws this for some
            // malformed input (an unknown property given twice, first as an empty array: HostileInputTests, seed
            // 594024504). It is the sender's mistake, never a server error.
            throw new JsonException("The JSON is not valid FHIR: " + firely.Message, firely);
        }
    }

    /// <summary>Reads FHIR JSON of a <typeparamref name="TResource"/>.</summary>
    /// <exception cref="DeserializationFailedException">The JSON is not valid FHIR.</exception>
    /// <exception cref="JsonException">The JSON is another resource type, or null.</exception>
    public static TResource Parse<TResource>(string json) where TResource : Resource
    {
        // Deserializing straight to TResource throws InvalidCastException for another resource type.
        var resource = Deserialize(json, Options) ?? throw new JsonException("The document is JSON null, not a FHIR resource.");
        return resource as TResource
            ?? throw new JsonException($"Expected a {ModelInfo.GetFhirTypeNameForType(typeof(TResource))} resource, got {resource.TypeName}.");
    }
}
