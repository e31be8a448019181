using System.Text.Json;
using System.Text.Json.Serialization;

namespace KneeSpine.Engine.Knowledge;

/// <summary>Source-generated (reflection-free) reading of the knowledge-base file; strict, so a typo is an error rather than a silently missing text.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(KnowledgeBaseDocument))]
internal sealed partial class KnowledgeBaseJsonContext : JsonSerializerContext;
