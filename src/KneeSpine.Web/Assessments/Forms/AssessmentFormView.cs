using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>What the assessment-form partial needs: the answers so far, their problems, and who is answering.</summary>
/// <param name="Data">The answers so far (empty for a new form).</param>
/// <param name="Errors">Problems found when the form was last submitted.</param>
/// <param name="ForPatient">Patients see plain questions; clinicians see short labels with the question as a hint.</param>
public sealed record AssessmentFormView(AssessmentFormData Data, IReadOnlyList<FormError> Errors, bool ForPatient)
{
    /// <summary>Every field, grouped by section, red flags first.</summary>
    public static IEnumerable<IGrouping<string, InputField>> Sections =>
        InputFields.All.GroupBy(f => f.Section, StringComparer.Ordinal);

    /// <summary>The error summary: each problem named by its field's label, linking to the field.</summary>
    public IReadOnlyList<Ui.ErrorSummaryItem> Summary =>
        [.. Errors.Select(e => new Ui.ErrorSummaryItem(
            e.Anchor,
            e.FieldPath is { } path ? $"{InputFields.Get(path).Label}: {e.Message}" : e.Message))];

    /// <summary>The problem with one field, if any.</summary>
    public FormError? ErrorFor(string path) => Errors.FirstOrDefault(e => e.FieldPath == path);

    /// <summary>The question or label that names the field.</summary>
    public string Prompt(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return ForPatient ? field.Question : field.Label;
    }

    /// <summary>The hint under the prompt: the range for numbers, the question for clinicians.</summary>
    public string? Hint(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var range = field.Minimum is { } min && field.Maximum is { } max
            ? $"A number from {min} to {max}." : null;
        var parts = new[] { ForPatient ? null : "Ask: " + field.Question, range, field.Required || ForPatient ? null : "Optional." }
            .Where(p => p is not null);
        var hint = string.Join(' ', parts);
        return hint.Length == 0 ? null : hint;
    }

    /// <summary>Whether a choice field is short enough to show as radio buttons.</summary>
    public static bool AsRadios(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Codes.Count <= 5;
    }

    /// <summary>The input mode that brings up the right phone keyboard for a number field.</summary>
    public static string InputMode(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind == FieldKind.Decimal ? "decimal" : "numeric";
    }
}
