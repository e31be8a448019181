using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Knowledge;

/// <summary>
/// Every source one result cites, numbered in order of first citation (alerts, then factors, then the plan), so that a
/// finding can show short labels that lead to the full list.
/// </summary>
public sealed class ResultCitations
{
    private readonly Dictionary<string, Citation> byId;

    private ResultCitations(IReadOnlyList<string> ids, IReadOnlyList<Citation> all)
    {
        All = all;
        byId = ids.Zip(all).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
    }

    /// <summary>Every cited source, numbered from 1.</summary>
    public IReadOnlyList<Citation> All { get; }

    /// <summary>The citations of one result, resolved in the knowledge base that made it.</summary>
    public static ResultCitations For(KnowledgeBase knowledgeBase, AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ids = result.Alerts.SelectMany(a => a.Sources)
            .Concat(result.Factors.SelectMany(f => f.Sources))
            .Concat(result.Plan.SelectMany(p => p.Sources))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new ResultCitations(ids, CitationFormatter.Cite(knowledgeBase, ids));
    }

    /// <summary>The citations of one finding or plan item, in its own order.</summary>
    public IReadOnlyList<Citation> Of(IEnumerable<string> sourceIds) =>
        [.. sourceIds.Distinct(StringComparer.Ordinal).Where(byId.ContainsKey).Select(id => byId[id])];
}
