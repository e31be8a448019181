namespace KneeSpine.Web.BulkExport;

/// <summary>The resource types an export can hold: the stored ones and those derived from each assessment.</summary>
internal static class BulkExportTypes
{
    public static readonly IReadOnlyList<string> All =
        ["Patient", "Procedure", "QuestionnaireResponse", "RiskAssessment", "Flag", "CarePlan", "Observation"];
}
