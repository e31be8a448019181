using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Web.Assessments.Forms;

namespace KneeSpine.Web.Assessments.Results;

/// <summary>
/// The answers of a stored assessment in words, for clinicians: every question of the current catalogue, with
/// what was answered, "Not answered" for a skipped optional question, and "Not asked" for a question that the
/// record's version did not ask (a version 1 record has no answer to the version 2 red flags: never a "no").
/// </summary>
public static class RecordedAnswers
{
    /// <summary>Shown for a question the record's version did not ask.</summary>
    public const string NotAsked = "Not asked (added in version 2)";

    /// <summary>Shown for an optional question left out.</summary>
    public const string NotAnswered = "Not answered";

    /// <summary>Every question, by section, with its answer in words.</summary>
    public static IEnumerable<IGrouping<string, (InputField Field, string Answer, bool Asked)>> For(RecordedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return InputFields.All
            .Select(f => (Field: f, Answer: Describe(input, f), Asked: input.WasAsked(f.Path)))
            .GroupBy(p => p.Field.Section, StringComparer.Ordinal);
    }

    private static string Describe(RecordedInput input, InputField field)
    {
        if (!input.WasAsked(field.Path))
        {
            return NotAsked;
        }

        return input.Answer(field.Path) switch
        {
            null => NotAnswered,
            JsonArray { Count: 0 } => "None",
            JsonArray list => string.Join("; ", list.Select(code => CodeLabels.For(field.Path, code!.GetValue<string>()))),
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>() ? "Yes" : "No",
            JsonValue value when value.GetValueKind() == JsonValueKind.String && field.Kind == FieldKind.Choice => CodeLabels.For(field.Path, value.GetValue<string>()),
            JsonValue value when CodeLabels.IsScale(field) => Scale(field, value.GetValue<int>()),
            // The same date format as the rest of the page ("5 Nov 2026"), not the stored ISO text.
            JsonValue value when field.Kind == FieldKind.Date && value.GetValueKind() == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            var other => other.GetValueKind() == JsonValueKind.String ? other.GetValue<string>() : other.ToJsonString(),
        };
    }

    private static string Scale(InputField field, int value)
    {
        var index = value - (int)(field.Minimum ?? 0);
        var words = index >= 0 && index < field.AnswerLabels.Count ? field.AnswerLabels[index] : null;
        return words is null ? value.ToString(CultureInfo.InvariantCulture) : $"{value} ({words})";
    }
}
