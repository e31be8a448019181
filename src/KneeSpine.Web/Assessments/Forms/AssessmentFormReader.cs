using System.Buffers;
using System.Globalization;
using System.Text.Json;
using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>
/// Turns form answers into assessment-input JSON and hands it to the engine's reader, so the web
/// form is checked by exactly the rules that check the API and the CLI. Errors come back with the
/// JSON path, which is also the control's name.
/// </summary>
/// <remarks>
/// Empty answers are left out (an omitted optional field never fires a rule); an unanswered
/// required question, above all a red flag, is therefore reported as missing, never taken as "no".
/// Text that is not a number is passed on as text, so that the engine names the field and the
/// expected range.
/// </remarks>
public static class AssessmentFormReader
{
    /// <summary>Shown beside an unanswered red-flag question.</summary>
    public const string RedFlagMissing = "Answer yes or no. A warning-sign question left blank is never taken as \"no\".";

    /// <summary>Checks the answers.</summary>
    public static AssessmentFormOutcome Read(AssessmentFormData form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = AssessmentInputReader.Read(ToJson(form));
        var order = InputFields.All.Select((f, i) => (f.Path, i)).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);
        var errors = result.Errors
            .Select(e => ToFormError(e, form))
            .OrderBy(e => e.FieldPath is { } p ? order[p] : -1)
            .ToArray();
        return new AssessmentFormOutcome(result.Input, errors);
    }

    /// <summary>The assessment-input JSON for the answers (schema version 1; empty answers left out).</summary>
    public static byte[] ToJson(AssessmentFormData form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", AssessmentInput.SchemaVersion);
            foreach (var group in InputFields.All.GroupBy(f => f.Path.Contains('.', StringComparison.Ordinal) ? f.Section : "", StringComparer.Ordinal))
            {
                var answered = group.Where(f => form.Values(f.Path).Count > 0).ToArray();
                if (group.Key.Length == 0)
                {
                    foreach (var field in answered)
                    {
                        WriteField(writer, field, field.Path, form);
                    }

                    continue;
                }

                if (answered.Length == 0)
                {
                    continue;
                }

                writer.WriteStartObject(group.Key);
                foreach (var field in answered)
                {
                    WriteField(writer, field, field.Path[(group.Key.Length + 1)..], form);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteField(Utf8JsonWriter writer, InputField field, string name, AssessmentFormData form)
    {
        var value = form.Value(field.Path);
        switch (field.Kind)
        {
            case FieldKind.ChoiceList:
                writer.WriteStartArray(name);
                foreach (var code in form.Values(field.Path))
                {
                    writer.WriteStringValue(code);
                }

                writer.WriteEndArray();
                break;
            case FieldKind.Boolean when value is "true" or "false":
                writer.WriteBoolean(name, value == "true");
                break;
            case FieldKind.Integer or FieldKind.Decimal when decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumber(name, number);
                break;
            default:
                writer.WriteString(name, value);
                break;
        }
    }

    private static FormError ToFormError(ValidationError error, AssessmentFormData form)
    {
        var fieldPath = FormFieldIds.FieldOf(error.Path);
        if (fieldPath is not null && form.Values(fieldPath).Count == 0 && InputFields.Get(fieldPath) is { Required: true } field)
        {
            var message = field.Section == "redFlags" ? RedFlagMissing
                : field.Kind is FieldKind.Choice or FieldKind.Boolean ? "Choose an answer."
                : "Answer this question.";
            return new FormError(error.Path, fieldPath, message);
        }

        return new FormError(error.Path, fieldPath, error.Message);
    }
}
