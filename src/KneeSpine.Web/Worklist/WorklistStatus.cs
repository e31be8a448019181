namespace KneeSpine.Web.Worklist;

/// <summary>Which items a worklist query returns (<c>open</c>, <c>acknowledged</c>, <c>all</c>).</summary>
public enum WorklistStatus
{
    Open,
    Acknowledged,
    All,
}
