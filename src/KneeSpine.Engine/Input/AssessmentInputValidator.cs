namespace KneeSpine.Engine.Input;

/// <summary>Checks an <see cref="AssessmentInput"/> built in code (web form, FHIR mapping) against the schema's ranges and cross-field rules.</summary>
public static class AssessmentInputValidator
{
    /// <summary>Every problem with <paramref name="input"/>, each with its JSON path; empty when valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(AssessmentInput input) => throw new NotImplementedException();
}
