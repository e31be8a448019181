using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Tests.Evaluation;

public sealed class ReportedPathTests
{
    [Fact]
    public void Every_path_a_rule_reports_is_a_field_of_the_input_catalogue()
    {
        var reported = AlertRules.Shapes.Concat(FactorRules.Shapes).SelectMany(s => s.Arms).SelectMany(arm => arm).Distinct();

        Assert.All(reported, path => Assert.True(InputFields.TryGet(path, out _), path));
    }
}
