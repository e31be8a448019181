using KneeSpine.Engine.Results;
using KneeSpine.Engine.Knowledge;

namespace KneeSpine.Fhir.Assessments;

/// <summary>The knowledge-base titles the FHIR and CDS Hooks output shows next to each code.</summary>
/// <param name="knowledgeBase">The knowledge base that produced the results being mapped.</param>
internal sealed class KnowledgeText(KnowledgeBase knowledgeBase)
{
    public string Disclaimer => knowledgeBase.Disclaimer;

    public string AlertTitle(string id) => knowledgeBase.Alerts[id].Title;

    public string AlertClinicianText(string id) => knowledgeBase.Alerts[id].ClinicianText;

    public string FactorTitle(string id) => knowledgeBase.Factors[id].Title;

    public string PlanItemTitle(string id) => knowledgeBase.PlanItems[id].Title;

    public bool IsAlert(string id) => knowledgeBase.Alerts.Contains(id);

    public bool IsFactor(string id) => knowledgeBase.Factors.Contains(id);

    /// <summary>The sources <paramref name="result"/> cites, as readable citations.</summary>
    public ResultCitations Citations(AssessmentResult result) => ResultCitations.For(knowledgeBase, result);
}
