namespace KneeSpine.Fhir.Terminology;

/// <summary>The specification's kebab-case code of an engine enum value.</summary>
/// <remarks>A name of its own because the engine's <c>Code&lt;T&gt;</c> collides with Firely's <c>Hl7.Fhir.Model.Code&lt;T&gt;</c>.</remarks>
internal static class SpecCodes
{
    public static string Of<TCode>(TCode value) where TCode : struct, Enum => Engine.Codes.Code<TCode>.ToCode(value);
}
