namespace KneeSpine.Engine.Knowledge;

/// <summary>The clinical content: ids, levels, texts and citations, loaded from the embedded data file.</summary>
public sealed class KnowledgeBase
{
    /// <summary>The knowledge base shipped with the engine.</summary>
    public static KnowledgeBase Default => throw new NotImplementedException();

    /// <summary>Version of the content, e.g. <c>2026.11</c>.</summary>
    public string Version => throw new NotImplementedException();
}
