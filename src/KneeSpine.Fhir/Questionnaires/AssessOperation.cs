using Hl7.Fhir.Model;
using KneeSpine.Fhir.Terminology;

namespace KneeSpine.Fhir.Questionnaires;

/// <summary>
/// The OperationDefinition of <c>QuestionnaireResponse/$assess</c>: evaluate a response without storing it. Served
/// at <c>/fhir/OperationDefinition/QuestionnaireResponse-assess</c> and named by the CapabilityStatement.
/// </summary>
public static class AssessOperation
{
    /// <summary>The resource id of the OperationDefinition.</summary>
    public const string Id = "QuestionnaireResponse-assess";

    /// <summary>Its canonical URL.</summary>
    public const string Url = KneeSpineCodeSystems.Base + "/OperationDefinition/" + Id;

    /// <summary>The input parameter holding the QuestionnaireResponse when the body is Parameters.</summary>
    public const string ResponseParameter = "response";

    /// <summary>The output parameter: the collection Bundle (a single out parameter named return is the body itself).</summary>
    public const string ReturnParameter = "return";

    /// <summary>The OperationDefinition resource.</summary>
    /// <param name="version">The software version, as the CapabilityStatement states it.</param>
    public static OperationDefinition Build(string version) => new()
    {
        Id = Id,
        Url = Url,
        Version = version,
        Name = "KneeSpineAssess",
        Title = "Evaluate a KneeSpine assessment",
        Status = PublicationStatus.Active,
        Kind = OperationDefinition.OperationKind.Operation,
        Publisher = "KneeSpine",
        Description = "Evaluates the answers of the KneeSpine assessment Questionnaire and returns the triage (RiskAssessment), "
            + "alerts (Flag), plan (CarePlan) and findings (Observation) as a collection Bundle linked by urn:uuid. Nothing is stored. "
            + "The body is the QuestionnaireResponse itself, or Parameters with it as 'response'. Supports, and does not replace, "
            + "clinical judgement.",
        AffectsState = false,
        Code = "assess",
        Resource = [ResourceType.QuestionnaireResponse],
        System = false,
        Type = true,
        Instance = false,
        Parameter =
        [
            new OperationDefinition.ParameterComponent
            {
                Name = ResponseParameter,
                Use = OperationParameterUse.In,
                Min = 1,
                Max = "1",
                Type = FHIRAllTypes.QuestionnaireResponse,
                Documentation = "The answers to " + KneeSpineCodeSystems.QuestionnaireUrl + "; every red-flag question must be answered.",
            },
            new OperationDefinition.ParameterComponent
            {
                Name = ReturnParameter,
                Use = OperationParameterUse.Out,
                Min = 1,
                Max = "1",
                Type = FHIRAllTypes.Bundle,
                Documentation = "A collection Bundle: RiskAssessment, Flags, CarePlan, Observations and the response.",
            },
        ],
    };
}
