using System.Text.Json;

namespace KneeSpine.Engine.Results;

/// <summary>Writes and reads results as assessment-result.schema.json.</summary>
public static class AssessmentResultJson
{
    /// <summary>Writes <paramref name="result"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, AssessmentResult result) => throw new NotImplementedException();
}
