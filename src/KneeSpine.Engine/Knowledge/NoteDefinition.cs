namespace KneeSpine.Engine.Knowledge;

/// <summary>A remark for the clinician that the engine adds to a result when its condition holds.</summary>
/// <param name="Id">Stable note id, e.g. <c>anticoagulant-unknown-after-neuraxial</c>.</param>
/// <param name="Text">The remark.</param>
public sealed record NoteDefinition(string Id, string Text) : IKnowledgeItem;
