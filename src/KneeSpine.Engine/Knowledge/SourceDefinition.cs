namespace KneeSpine.Engine.Knowledge;

/// <summary>A published source that alerts, factors and plan items cite.</summary>
/// <param name="Id">Stable source id, e.g. <c>nice-ng59</c>.</param>
/// <param name="Citation">The full citation.</param>
public sealed record SourceDefinition(string Id, string Citation) : IKnowledgeItem;
