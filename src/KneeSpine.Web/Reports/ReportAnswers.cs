using System.Globalization;
using System.Text.Json;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Reports;

/// <summary>
/// The answers of an assessment that a report row keeps (surgery and sex): taken from an input being stored, or read
/// back from a stored input's JSON by the backfill, which must also read version 1 inputs (the same paths, ADR-150).
/// </summary>
public sealed record ReportAnswers(DateOnly SurgeryDate, Anesthesia Anesthesia, Sex? Sex, SurgeryProcedure? Procedure, SurgerySide? Side)
{
    public static ReportAnswers From(AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new(input.Surgery.Date, input.Surgery.Anesthesia, input.Patient.Sex, input.Surgery.Procedure, input.Surgery.Side);
    }

    /// <summary>Reads the answers from stored input JSON; a <see cref="FormatException"/> names what is missing or wrong.</summary>
    public static ReportAnswers FromStoredJson(string inputJson)
    {
        ArgumentNullException.ThrowIfNull(inputJson);
        using var document = JsonDocument.Parse(inputJson);
        var root = document.RootElement;
        var surgery = root.TryGetProperty("surgery", out var s) && s.ValueKind == JsonValueKind.Object
            ? s : throw new FormatException("The stored input has no surgery.");
        var date = surgery.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed : throw new FormatException("The stored input has no surgery.date.");
        var patient = root.TryGetProperty("patient", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        return new(
            date,
            CodeOf<Anesthesia>(surgery, "anesthesia") ?? Anesthesia.Unknown,
            patient.ValueKind == JsonValueKind.Object ? CodeOf<Sex>(patient, "sex") : null,
            CodeOf<SurgeryProcedure>(surgery, "procedure"),
            CodeOf<SurgerySide>(surgery, "side"));
    }

    private static TCode? CodeOf<TCode>(JsonElement parent, string name) where TCode : struct, Enum =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && Code<TCode>.TryParse(value.GetString()!, out var code)
            ? code : null;
}
