using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Builders;

namespace KneeSpine.Engine.Tests.Support;

/// <summary>Short ways to evaluate a built assessment and read ids off the result.</summary>
internal static class Evaluate
{
    public static AssessmentResult Result(AssessmentBuilder builder) => AssessmentEvaluator.Default.Evaluate(builder.Build());

    public static string[] AlertIds(this AssessmentResult result) => [.. result.Alerts.Select(a => a.Id)];

    public static string[] FactorIds(this AssessmentResult result) => [.. result.Factors.Select(f => f.Id)];

    public static string[] PlanIds(this AssessmentResult result) => [.. result.Plan.Select(p => p.Id)];

    public static AlertFinding Alert(this AssessmentResult result, string id) => Assert.Single(result.Alerts, a => a.Id == id);

    public static FactorFinding Factor(this AssessmentResult result, string id) => Assert.Single(result.Factors, f => f.Id == id);

    public static PlanItem PlanItem(this AssessmentResult result, string id) => Assert.Single(result.Plan, p => p.Id == id);

    /// <summary>triggeredBy is compared as a set (order is free) and never lists a path twice.</summary>
    public static void AssertPaths(IEnumerable<string> expected, IReadOnlyList<string> triggeredBy)
    {
        Assert.Equal(triggeredBy.Count, triggeredBy.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), triggeredBy.Order(StringComparer.Ordinal));
    }
}
