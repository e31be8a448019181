namespace KneeSpine.Web.Assessments.Forms;

/// <summary>
/// Decides what a patient sees after posting one step of the questionnaire (ADR-100): the next step, the previous
/// one, the same step with its problems, or nothing more to ask (the answers are complete and valid).
/// </summary>
public static class SteppedForm
{
    /// <summary>The button that was pressed ("next", "back" or "send"); a post without a step is a whole form sent at once.</summary>
    public static AssessmentFormView? Next(AssessmentFormData data, AssessmentFormOutcome outcome, string? postedStep, string? go)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(outcome);
        var step = FormSteps.Parse(postedStep);
        if (go == "back")
        {
            return Show(data, Math.Max(1, step - 1), []);
        }

        if (go == "next" && postedStep is not null && step < FormSteps.All.Count)
        {
            var here = outcome.Errors.Where(e => StepOf(e) == step).ToArray();
            return Show(data, here.Length > 0 ? step : step + 1, here);
        }

        if (outcome.Input is not null)
        {
            return null;
        }

        // Sent with problems: show the first step that has any, with every problem of that step.
        var first = outcome.Errors.Min(StepOf);
        return Show(data, first, [.. outcome.Errors.Where(e => StepOf(e) == first)]);
    }

    /// <summary>The first step, for a new questionnaire.</summary>
    public static AssessmentFormView Start(AssessmentFormData data) => Show(data, 1, []);

    /// <summary>A step of the questionnaire.</summary>
    public static AssessmentFormView Show(AssessmentFormData data, int step, IReadOnlyList<FormError> errors) =>
        new(data, errors, ForPatient: true) { Step = step };

    private static int StepOf(FormError error) =>
        error.FieldPath is { } path ? FormSteps.Of(Engine.Input.InputFields.Get(path).Section) : 1;
}
