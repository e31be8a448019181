using Hl7.Fhir.Model;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace KneeSpine.Web.Fhir;

/// <summary>OperationOutcome answers of the FHIR endpoints (errors name the element in <c>expression</c>).</summary>
internal static class FhirOutcomes
{
    public static OperationOutcome Error(IssueType type, string message, string? expression = null) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = type,
                Details = new CodeableConcept { Text = message },
                Expression = expression is null ? [] : [expression],
            },
        ],
    };

    public static FhirResult Result(int status, IssueType type, string message, string? expression = null) =>
        new(Error(type, message, expression), status);

    public static FhirResult BadRequest(string message, string? expression = null) =>
        Result(StatusCodes.Status400BadRequest, IssueType.Invalid, message, expression);

    public static FhirResult NotFound(string message) => Result(StatusCodes.Status404NotFound, IssueType.NotFound, message);

    public static FhirResult Forbidden(string message) => Result(StatusCodes.Status403Forbidden, IssueType.Forbidden, message);

    /// <summary>The outcome for a status that a lower layer (routing, authentication) set without a body.</summary>
    public static OperationOutcome ForStatus(int status, PathString path) => status switch
    {
        StatusCodes.Status401Unauthorized => Error(IssueType.Login,
            "Authentication required: send Authorization: Bearer with a KneeSpine personal access token, or sign in."),
        StatusCodes.Status403Forbidden => Error(IssueType.Forbidden, "This account may not do this."),
        StatusCodes.Status404NotFound => Error(IssueType.NotSupported, $"'{path}' is not a resource or operation of this server; see /fhir/metadata."),
        StatusCodes.Status405MethodNotAllowed => Error(IssueType.NotSupported, $"This HTTP method is not supported on '{path}'; see /fhir/metadata."),
        StatusCodes.Status406NotAcceptable => Error(IssueType.NotSupported, "Only JSON is served: accept application/fhir+json or application/json (or use _format=json)."),
        StatusCodes.Status413PayloadTooLarge => Error(IssueType.TooCostly, "The request body is too large."),
        StatusCodes.Status415UnsupportedMediaType => Error(IssueType.NotSupported, "Send the resource as application/fhir+json or application/json."),
        StatusCodes.Status429TooManyRequests => Error(IssueType.Throttled, "Too many requests; try again later."),
        StatusCodes.Status503ServiceUnavailable => Error(IssueType.Transient, "The database cannot be reached; try again in a few seconds."),
        >= 500 => Error(IssueType.Exception, "The server could not complete the request."),
        _ => Error(IssueType.Processing, $"The request failed with HTTP status {status}."),
    };
}
