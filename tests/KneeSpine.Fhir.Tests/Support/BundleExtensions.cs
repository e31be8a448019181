using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using KneeSpine.Fhir.Serialization;

namespace KneeSpine.Fhir.Tests.Support;

internal static class BundleExtensions
{
    public static IEnumerable<T> All<T>(this Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>();

    public static T One<T>(this Bundle bundle) where T : Resource => Assert.Single(bundle.All<T>());

    public static string FullUrlOf(this Bundle bundle, Resource resource) => bundle.Entry.Single(e => ReferenceEquals(e.Resource, resource)).FullUrl;

    /// <summary>Every Reference.reference anywhere in the bundle, read from its JSON so no element is missed.</summary>
    public static IEnumerable<string> References(this Bundle bundle) => Strings(JsonNode.Parse(FhirJson.Serialize(bundle)), "reference");

    private static IEnumerable<string> Strings(JsonNode node, string name) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == name && p.Value is JsonValue v ? [v.GetValue<string>()] : p.Value is null ? [] : Strings(p.Value, name)),
        JsonArray a => a.SelectMany(item => item is null ? [] : Strings(item, name)),
        _ => [],
    };
}
