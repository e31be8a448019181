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
    public const string RedFlagMissing = FormMessages.RedFlagMissing;

    /// <summary>Checks the answers; every problem is found in one pass, each once, in form order.</summary>
    /// <param name="form">The answers.</param>
    /// <param name="today">The clinic's date today: a surgery after it is reported against it (the engine only compares it with the check's date).</param>
    public static AssessmentFormOutcome Read(AssessmentFormData form, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = AssessmentInputReader.Read(ToJson(form));
        var order = InputFields.All.Select((f, i) => (f.Path, i)).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);
        var errors = result.Errors.Select(e => ToFormError(e, form)).ToList();
        if (today is { } date && Date(form, "surgery.date") is { } surgery && surgery > date)
        {
            // One plain message against today; the engine's "check before surgery" follows from it and would only repeat it.
            errors.RemoveAll(e => e.FieldPath is "assessedOn" or "surgery.date");
            errors.Add(new FormError("surgery.date", "surgery.date", FormMessages.SurgeryInFuture(date)));
        }

        if (today is { } now && Date(form, "assessedOn") is { } assessed && assessed > now)
        {
            errors.RemoveAll(e => e.FieldPath is "assessedOn");
            errors.Add(new FormError("assessedOn", "assessedOn", FormMessages.AssessedInFuture(now)));
        }

        var ordered = errors
            .DistinctBy(e => e.FieldPath ?? e.Path, StringComparer.Ordinal)
            .OrderBy(e => e.FieldPath is { } p ? order[p] : -1)
            .ToArray();
        return new AssessmentFormOutcome(ordered.Length == 0 ? result.Input : null, ordered);
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

                // A required section with no answers is still written (empty), so that the engine names every missing
                // question in it at once rather than only "section missing" (which made forms report problems in rounds).
                if (answered.Length == 0 && !group.Any(f => f.Required))
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

    // The engine's message is written for API clients (paths, codes, formats); a person gets the form's own words.
    private static FormError ToFormError(ValidationError error, AssessmentFormData form)
    {
        var fieldPath = FormFieldIds.FieldOf(error.Path);
        if (fieldPath is null)
        {
            return new FormError(error.Path, null, "Some answers could not be read. Check them and send the form again.");
        }

        var field = InputFields.Get(fieldPath);
        if (form.Values(fieldPath).Count == 0)
        {
            return new FormError(error.Path, fieldPath, FormMessages.ForMissing(field));
        }

        if (fieldPath == "assessedOn" && Date(form, "surgery.date") is { } surgery && Date(form, "assessedOn") is { } assessed && assessed < surgery)
        {
            return new FormError(error.Path, fieldPath, FormMessages.AssessedBeforeSurgery(surgery));
        }

        return new FormError(error.Path, fieldPath, FormMessages.ForInvalid(field));
    }

    private static DateOnly? Date(AssessmentFormData form, string path) =>
        DateOnly.TryParseExact(form.Value(path), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
