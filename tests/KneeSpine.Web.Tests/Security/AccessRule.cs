namespace KneeSpine.Web.Tests.Security;

/// <summary>What a route may be called by; <paramref name="Id"/> says what its <c>{id}</c> holds, <paramref name="Query"/> a query string ({patient} = patient A).</summary>
public sealed record AccessRule(Access Access, IdKind Id = IdKind.None, string? Query = null);

public enum IdKind
{
    None,
    Patient,
    Assessment,
    Questionnaire,
    WorklistItem,
    Account,

    /// <summary>A FHIR resource of patient A's record, of the route's type (RiskAssessment, Flag, ...; AuditEvent).</summary>
    FhirResource,

    OperationDefinition,
}
