using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;

namespace KneeSpine.Web.Evaluate;

/// <summary>An evaluated assessment, or every problem with its input.</summary>
public sealed record EvaluationOutcome(AssessmentInput? Input, AssessmentResult? Result, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Input is not null && Result is not null;
}
