using KneeSpine.Engine.Knowledge;

namespace KneeSpine.Fhir.Assessments;

// TEMPORARY until engine-rules lands: ids stand in for titles.
internal sealed class KnowledgeText(KnowledgeBase knowledgeBase)
{
    private static readonly string[] Alerts = ["cauda-equina-syndrome", "progressive-neurological-deficit", "suspected-spinal-epidural-hematoma", "possible-pulmonary-embolism", "possible-spinal-infection", "possible-wound-infection", "possible-fracture", "possible-deep-vein-thrombosis", "possible-malignancy", "severe-uncontrolled-pain", "non-mechanical-night-pain", "radicular-pain", "persistent-pain"];
    private static readonly string[] Factors = ["age", "inactivity", "trunk-muscle-weakness", "comorbidity", "prior-back-pain", "unmasked-back-pain", "spinal-anesthesia", "insomnia", "gait-abnormality", "unrealistic-expectations"];
    public KnowledgeBase Kb { get; } = knowledgeBase;
    public string AlertTitle(string id) => "T:" + id;
    public string FactorTitle(string id) => "T:" + id;
    public string PlanItemTitle(string id) => "T:" + id;
    public bool IsAlert(string id) => Alerts.Contains(id);
    public bool IsFactor(string id) => Factors.Contains(id);
}
