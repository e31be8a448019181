using Hl7.Fhir.Model;
using KneeSpine.Engine.Input;

namespace KneeSpine.Fhir.Questionnaires;

/// <summary>The outcome of reading a QuestionnaireResponse: the assessment, or every problem found.</summary>
/// <param name="Input">The assessment, when the response was valid.</param>
/// <param name="Errors">Every problem found; empty when valid.</param>
public sealed record QuestionnaireResponseMapping(AssessmentInput? Input, IReadOnlyList<AnswerError> Errors)
{
    /// <summary>Whether the response gave a valid assessment.</summary>
    public bool IsValid => Input is not null;

    /// <summary>The errors as an OperationOutcome, one issue per error, its <c>expression</c> naming the linkId.</summary>
    public OperationOutcome ToOperationOutcome() => new()
    {
        Issue =
        [
            .. Errors.Select(error => new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = error.Kind,
                Details = new CodeableConcept { Text = error.Message },
                Expression = [error.LinkId],
            }),
        ],
    };
}
