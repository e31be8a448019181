using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>What the assessment-form partial needs: the answers so far, their problems, and who is answering.</summary>
/// <param name="Data">The answers so far (empty for a new form).</param>
/// <param name="Errors">Problems found when the form was last submitted.</param>
/// <param name="ForPatient">Patients see plain questions; clinicians see short labels with the question as a hint.</param>
public sealed record AssessmentFormView(AssessmentFormData Data, IReadOnlyList<FormError> Errors, bool ForPatient)
{
    /// <summary>The step shown (1-based, see <see cref="FormSteps"/>), or <see langword="null"/> for every section on one page.</summary>
    public int? Step { get; init; }

    /// <summary>A message above the form, e.g. after the form's security token expired.</summary>
    public string? Notice { get; init; }

    /// <summary>The sections shown now, each with its fields, in the order asked.</summary>
    public IEnumerable<IGrouping<string, InputField>> Sections =>
        Step is { } step
            ? FormSteps.All[step - 1].Sections.SelectMany(s => InputFields.All.Where(f => f.Section == s)).GroupBy(f => f.Section, StringComparer.Ordinal)
            : InputFields.All.GroupBy(f => f.Section, StringComparer.Ordinal);

    /// <summary>Whether this is the last step (or the form has no steps), where the answers are sent.</summary>
    public bool IsLastStep => Step is not { } step || step == FormSteps.All.Count;

    /// <summary>The answers of the steps not shown, carried in hidden fields so nothing is lost between steps.</summary>
    public IEnumerable<KeyValuePair<string, string>> CarriedAnswers
    {
        get
        {
            var shown = Sections.SelectMany(g => g).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            return Data.Posted().Where(p => !shown.Contains(OwnerOf(p.Key)));
        }
    }

    /// <summary>The error summary: each problem in short, specific words, linking to the field.</summary>
    public IReadOnlyList<Ui.ErrorSummaryItem> Summary =>
        [.. Errors.Select(e => new Ui.ErrorSummaryItem(
            e.Anchor,
            e.FieldPath is { } path ? FormMessages.Summary(InputFields.Get(path), e.Message, ForPatient) : e.Message))];

    /// <summary>Whether a section lets people leave out every question in it (so "not sure" hints belong there).</summary>
    public static bool SectionIsOptional(string section) =>
        InputFields.All.Where(f => f.Section == section).All(f => !f.Required);

    private static string OwnerOf(string name) =>
        InputFields.TryGet(name, out _) ? name : name[..name.LastIndexOf('.')];

    /// <summary>The problem with one field, if any.</summary>
    public FormError? ErrorFor(string path) => Errors.FirstOrDefault(e => e.FieldPath == path);

    /// <summary>The question or label that names the field.</summary>
    public string Prompt(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return ForPatient ? field.Question : field.Label;
    }

    /// <summary>The hint under the prompt: the unit and range for numbers, the question for clinicians.</summary>
    public string? Hint(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var range = field.Kind == FieldKind.Date ? $"Use numbers, {FormMessages.DateExample}."
            : field.Minimum is { } min && field.Maximum is { } max && !CodeLabels.IsScale(field)
            ? Range(field.AnswerHint, min, max) : null;
        var ask = ForPatient ? null : "Ask: " + (field.Stem is { } stem ? stem + " " : "") + field.Question;
        var parts = new[] { ask, range }.Where(p => p is not null);
        var hint = string.Join(' ', parts);
        return hint.Length == 0 ? null : hint;
    }

    /// <summary>The answer that leaves an optional question out: the field's own ("I am not sure"), else skip.</summary>
    public string SkipLabel(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.LeaveOutLabel ?? (ForPatient ? "Skip this question" : "Not asked");
    }

    // "centimetres" gives "In centimetres, from 100 to 250."; a scale such as "0 to 10" needs no unit.
    private static string Range(string? unit, decimal min, decimal max)
    {
        var word = unit == "a number of years" ? "years" : unit;
        return word is null || word.Any(char.IsDigit)
            ? $"A number from {min} to {max}."
            : $"In {word}, from {min} to {max}.";
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
