using System.Buffers;
using System.Text;
using System.Text.Json;
using KneeSpine.Engine.Codes;

namespace KneeSpine.Engine.Results;

/// <summary>Writes and reads results as assessment-result.schema.json (version 2; stored version 1 results are read and written back unchanged).</summary>
/// <remarks>
/// Hand-written over <see cref="Utf8JsonWriter"/> with pre-encoded property names and codes; the
/// knowledge base's texts are written pre-encoded (the bytes are those the writer's encoder would give),
/// so writing a result costs little more than copying bytes. Property order is the schema's.
/// </remarks>
public static class AssessmentResultJson
{
    private static readonly JsonEncodedText SchemaVersion = JsonEncodedText.Encode("schemaVersion");
    private static readonly JsonEncodedText KnowledgeBaseVersion = JsonEncodedText.Encode("knowledgeBaseVersion");
    private static readonly JsonEncodedText DaysSinceSurgery = JsonEncodedText.Encode("daysSinceSurgery");
    private static readonly JsonEncodedText PainSeverityName = JsonEncodedText.Encode("painSeverity");
    private static readonly JsonEncodedText BodyMassIndex = JsonEncodedText.Encode("bodyMassIndex");
    private static readonly JsonEncodedText ScoresName = JsonEncodedText.Encode("scores");
    private static readonly JsonEncodedText Phq2 = JsonEncodedText.Encode("phq2");
    private static readonly JsonEncodedText Gad2 = JsonEncodedText.Encode("gad2");
    private static readonly JsonEncodedText BackFunction = JsonEncodedText.Encode("backFunction");
    private static readonly JsonEncodedText TriageName = JsonEncodedText.Encode("triage");
    private static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText Headline = JsonEncodedText.Encode("headline");
    private static readonly JsonEncodedText Alerts = JsonEncodedText.Encode("alerts");
    private static readonly JsonEncodedText Factors = JsonEncodedText.Encode("factors");
    private static readonly JsonEncodedText Plan = JsonEncodedText.Encode("plan");
    private static readonly JsonEncodedText Notes = JsonEncodedText.Encode("notes");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText CertaintyName = JsonEncodedText.Encode("certainty");
    private static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");
    private static readonly JsonEncodedText TriggeredBy = JsonEncodedText.Encode("triggeredBy");
    private static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");
    private static readonly JsonEncodedText Because = JsonEncodedText.Encode("because");
    private static readonly JsonEncodedText PatientText = JsonEncodedText.Encode("patientText");
    private static readonly JsonEncodedText ClinicianText = JsonEncodedText.Encode("clinicianText");

    private static readonly JsonEncodedText[] Levels = Encoded<TriageLevel>();
    private static readonly JsonEncodedText[] Certainties = Encoded<Certainty>();
    private static readonly JsonEncodedText[] Severities = Encoded<PainSeverity>();

    /// <summary>Writes <paramref name="result"/> as one JSON object.</summary>
    /// <param name="writer">Where to write; its options (indentation, encoder) are the caller's.</param>
    /// <param name="result">The result to write.</param>
    public static void Write(Utf8JsonWriter writer, AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);

        writer.WriteStartObject();
        writer.WriteNumber(SchemaVersion, result.SchemaVersion);
        writer.WriteString(KnowledgeBaseVersion, result.KnowledgeBaseVersion);
        writer.WriteNumber(DaysSinceSurgery, result.DaysSinceSurgery);
        writer.WriteString(PainSeverityName, Severities[(int)result.PainSeverity]);
        if (result.BodyMassIndex is { } bmi)
        {
            writer.WriteNumber(BodyMassIndex, bmi);
        }
        else
        {
            writer.WriteNull(BodyMassIndex);
        }

        if (result.SchemaVersion >= AssessmentResult.CurrentSchemaVersion)
        {
            // Version 1 results had no scores; writing them back must not add any.
            var scores = result.Scores ?? AssessmentScores.None;
            writer.WriteStartObject(ScoresName);
            WriteScore(writer, Phq2, scores.Phq2);
            WriteScore(writer, Gad2, scores.Gad2);
            WriteScore(writer, BackFunction, scores.BackFunction);
            writer.WriteEndObject();
        }

        writer.WriteStartObject(TriageName);
        writer.WriteString(Level, Levels[(int)result.Triage.Level]);
        EncodedTexts.WriteString(writer, Headline, result.Triage.Headline);
        writer.WriteEndObject();

        writer.WriteStartArray(Alerts);
        for (var i = 0; i < result.Alerts.Count; i++)
        {
            var alert = result.Alerts[i];
            writer.WriteStartObject();
            writer.WriteString(Id, alert.Id);
            writer.WriteString(Level, Levels[(int)alert.Level]);
            EncodedTexts.WriteString(writer, Explanation, alert.Explanation);
            WriteStrings(writer, TriggeredBy, alert.TriggeredBy);
            WriteStrings(writer, Sources, alert.Sources);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray(Factors);
        for (var i = 0; i < result.Factors.Count; i++)
        {
            var factor = result.Factors[i];
            writer.WriteStartObject();
            writer.WriteString(Id, factor.Id);
            writer.WriteString(CertaintyName, Certainties[(int)factor.Certainty]);
            EncodedTexts.WriteString(writer, Explanation, factor.Explanation);
            WriteStrings(writer, TriggeredBy, factor.TriggeredBy);
            WriteStrings(writer, Sources, factor.Sources);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray(Plan);
        for (var i = 0; i < result.Plan.Count; i++)
        {
            var item = result.Plan[i];
            writer.WriteStartObject();
            writer.WriteString(Id, item.Id);
            WriteStrings(writer, Because, item.Because);
            EncodedTexts.WriteString(writer, PatientText, item.PatientText);
            if (item.ClinicianText is not null)
            {
                EncodedTexts.WriteString(writer, ClinicianText, item.ClinicianText);
            }

            WriteStrings(writer, Sources, item.Sources);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        WriteStrings(writer, Notes, result.Notes);
        writer.WriteEndObject();
    }

    /// <summary>The result as a compact JSON string.</summary>
    public static string ToJson(AssessmentResult result)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, result);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a result written by <see cref="Write"/> (any standard JSON formatting of it).</summary>
    /// <exception cref="JsonException">The document is not a version 1 result; the message names the JSON path.</exception>
    public static AssessmentResult Read(ReadOnlySpan<byte> utf8Json) => AssessmentResultReader.Read(utf8Json);

    private static void WriteScore(Utf8JsonWriter writer, JsonEncodedText name, int? score)
    {
        if (score is { } value)
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }

        writer.WriteEndArray();
    }

    private static JsonEncodedText[] Encoded<TCode>() where TCode : struct, Enum =>
        [.. Code<TCode>.All.Select(code => JsonEncodedText.Encode(code))];
}
