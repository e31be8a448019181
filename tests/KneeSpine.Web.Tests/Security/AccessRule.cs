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

    /// <summary>A bulk export group (Group/all).</summary>
    ExportGroup,

    /// <summary>A completed bulk export job (its status and its Patient file).</summary>
    ExportJob,

    /// <summary>A second bulk export job, for the one caller allowed to cancel it.</summary>
    ExportJobToCancel,
}
