namespace KneeSpine.Fhir.Questionnaires;

/// <summary>One problem with a QuestionnaireResponse, named by the item it concerns.</summary>
/// <param name="LinkId">linkId of the item (the input field's JSON path), or a FHIRPath such as <c>QuestionnaireResponse.status</c> for the resource itself.</param>
/// <param name="Message">Plain-language description of the problem.</param>
/// <param name="Kind">What kind of problem it is, as an OperationOutcome issue type.</param>
public sealed record AnswerError(string LinkId, string Message, Hl7.Fhir.Model.OperationOutcome.IssueType Kind);
