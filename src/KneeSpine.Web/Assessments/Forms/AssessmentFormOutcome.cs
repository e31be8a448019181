using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>What a submitted form amounts to: a valid assessment, or the problems to show beside the answers.</summary>
/// <param name="Input">The assessment, when every answer is valid.</param>
/// <param name="Errors">Every problem, in form order; empty when valid.</param>
public sealed record AssessmentFormOutcome(AssessmentInput? Input, IReadOnlyList<FormError> Errors)
{
    /// <summary>The problem with one field, if any (the first when there are several).</summary>
    public FormError? ErrorFor(string fieldPath) => Errors.FirstOrDefault(e => e.FieldPath == fieldPath);
}
