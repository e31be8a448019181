namespace KneeSpine.Engine.Knowledge;

/// <summary>An entry of the knowledge base, named by a stable id from the specification.</summary>
public interface IKnowledgeItem
{
    /// <summary>The stable id, e.g. <c>cauda-equina-syndrome</c> or <c>nice-ng59</c>.</summary>
    string Id { get; }
}
