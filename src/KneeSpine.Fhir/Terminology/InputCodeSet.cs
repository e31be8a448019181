using System.Text.Json;
using KneeSpine.Engine.Codes;

namespace KneeSpine.Fhir.Terminology;

/// <summary>One code set of the assessment input and the KneeSpine code system that carries it.</summary>
/// <param name="FieldPath">JSON path of the input field that uses the set.</param>
/// <param name="Name">Kebab-case name of the set (the engine enum's name), e.g. <c>anesthesia</c>.</param>
/// <param name="Codes">The schema's codes, in schema order.</param>
public sealed record InputCodeSet(string FieldPath, string Name, IReadOnlyList<string> Codes)
{
    /// <summary>The code system URL.</summary>
    public string System => KneeSpineCodeSystems.CodeSystemBase + Name;

    /// <summary>The set of <typeparamref name="TCode"/> as used by <paramref name="fieldPath"/>.</summary>
    public static InputCodeSet Of<TCode>(string fieldPath) where TCode : struct, Enum =>
        new(fieldPath, JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(TCode).Name), Code<TCode>.All);
}
