using Hl7.Fhir.Model.CdsHooks;
using KneeSpine.Fhir.Terminology;

namespace KneeSpine.Fhir.CdsHooks;

/// <summary>The CDS Hooks discovery document of KneeSpine (<c>GET /cds-services</c>).</summary>
public static class CdsServiceDiscovery
{
    /// <summary>The one service's id.</summary>
    public const string ServiceId = "kneespine-back-pain";

    /// <summary>The hook it answers.</summary>
    public const string Hook = "patient-view";

    /// <summary>Prefetch key of the patient.</summary>
    public const string PatientKey = "patient";

    /// <summary>Prefetch key of the knee replacement Procedures.</summary>
    public const string KneeReplacementKey = "kneeReplacement";

    /// <summary>Prefetch key of the latest KneeSpine QuestionnaireResponse.</summary>
    public const string LatestAssessmentKey = "latestAssessment";

    /// <summary>The prefetch templates, by key.</summary>
    public static IReadOnlyDictionary<string, string> Prefetch { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PatientKey] = "Patient/{{context.patientId}}",
        [KneeReplacementKey] = $"Procedure?patient={{{{context.patientId}}}}&code={StandardCodes.Snomed}|{StandardCodes.TotalKneeReplacementCode}",
        [LatestAssessmentKey] = "QuestionnaireResponse?subject=Patient/{{context.patientId}}"
            + $"&questionnaire={KneeSpineCodeSystems.QuestionnaireUrl}&_sort=-authored&_count=1",
    };

    /// <summary>Builds the discovery document.</summary>
    public static DiscoveryResponse Build() => new()
    {
        Services =
        [
            new Service
            {
                Id = ServiceId,
                Hook = Hook,
                Title = "KneeSpine: back pain after knee replacement",
                Description = "Shows the triage level, warning signs and plan from the patient's latest KneeSpine back-pain "
                    + "assessment after knee replacement. Supports, and does not replace, clinical judgement.",
                Prefetch = new Dictionary<string, string>(Prefetch, StringComparer.Ordinal),
            },
        ],
    };
}
