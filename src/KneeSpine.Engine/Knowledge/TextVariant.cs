namespace KneeSpine.Engine.Knowledge;

/// <summary>
/// A named text fragment that the engine appends to a definition's texts when the dynamic
/// condition of the same name holds (for example <c>reduced-feeling</c> on <c>heat-therapy</c>
/// when the patient has diabetes or peripheral neuropathy).
/// </summary>
/// <param name="Id">Name of the condition, known to the engine.</param>
/// <param name="Text">Appended to the explanation or patient text; <see langword="null"/> when only the clinician text changes.</param>
/// <param name="ClinicianText">Appended to the clinician text; <see langword="null"/> when only the main text changes.</param>
public sealed record TextVariant(string Id, string? Text, string? ClinicianText) : IKnowledgeItem
{
    /// <summary>Whether <see cref="Text"/> replaces the definition's text instead of being appended to it.</summary>
    public bool Replaces { get; init; }
}
