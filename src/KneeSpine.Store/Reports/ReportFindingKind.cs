namespace KneeSpine.Store.Reports;

/// <summary>What a <see cref="ReportFinding"/> is: stored as <c>alert</c>, <c>likely-factor</c>, <c>possible-factor</c>.</summary>
public enum ReportFindingKind
{
    Alert,
    LikelyFactor,
    PossibleFactor,
}
