namespace KneeSpine.Engine.Input;

/// <summary>The outcome of reading one assessment input: the model, or every problem found.</summary>
/// <param name="Input">The assessment, when the input was valid.</param>
/// <param name="Errors">Every problem found; empty when valid.</param>
public sealed record InputReadResult(AssessmentInput? Input, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>Whether the input was valid.</summary>
    public bool IsValid => Input is not null;
}
