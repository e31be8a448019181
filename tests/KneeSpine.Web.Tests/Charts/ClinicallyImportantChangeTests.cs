using KneeSpine.Engine.Input;
using KneeSpine.Web.Charts;

namespace KneeSpine.Web.Tests.Charts;

public sealed class ClinicallyImportantChangeTests
{
    private static PainChange Between(int previous, int next) =>
        ClinicallyImportantChange.Between(new PainScore(previous), new PainScore(next));

    [Theory]
    [InlineData(8, 6)]
    [InlineData(10, 8)]
    [InlineData(2, 0)]
    public void A_fall_of_two_points_is_an_important_improvement(int previous, int next) =>
        Assert.Equal(PainChange.ImportantImprovement, Between(previous, next));

    [Theory]
    [InlineData(0, 2)]
    [InlineData(5, 7)]
    [InlineData(8, 10)]
    public void A_rise_of_two_points_is_an_important_worsening(int previous, int next) =>
        Assert.Equal(PainChange.ImportantWorsening, Between(previous, next));

    [Theory]
    [InlineData(4, 5)]
    [InlineData(5, 4)]
    [InlineData(9, 10)]
    [InlineData(10, 9)]
    [InlineData(7, 6)]
    public void One_point_is_not_important_when_it_is_under_thirty_percent_of_the_earlier_score(int previous, int next) =>
        Assert.Equal(PainChange.NotImportant, Between(previous, next));

    [Theory]
    [InlineData(3, 2, PainChange.ImportantImprovement)]
    [InlineData(3, 4, PainChange.ImportantWorsening)]
    [InlineData(1, 0, PainChange.ImportantImprovement)]
    [InlineData(2, 3, PainChange.ImportantWorsening)]
    public void One_point_is_important_when_it_is_at_least_thirty_percent_of_the_earlier_score(int previous, int next, PainChange expected) =>
        Assert.Equal(expected, Between(previous, next));

    [Fact]
    public void Thirty_percent_boundary_is_exact_in_whole_numbers()
    {
        // 1 of 3 is 33% (important); 1 of 4 is 25% (not).
        Assert.Equal(PainChange.ImportantImprovement, Between(3, 2));
        Assert.Equal(PainChange.NotImportant, Between(4, 3));
    }

    [Fact]
    public void From_zero_only_the_two_point_rule_applies()
    {
        Assert.Equal(PainChange.NotImportant, Between(0, 1));
        Assert.Equal(PainChange.ImportantWorsening, Between(0, 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(10)]
    public void No_change_is_never_important(int score) =>
        Assert.Equal(PainChange.NotImportant, Between(score, score));

    [Fact]
    public void Every_pair_of_scores_agrees_with_the_documented_definition()
    {
        for (var previous = 0; previous <= 10; previous++)
        {
            for (var next = 0; next <= 10; next++)
            {
                var delta = Math.Abs(next - previous);
                var important = delta >= 2 || (previous > 0 && delta >= 0.3m * previous);
                var expected = !important ? PainChange.NotImportant
                    : next > previous ? PainChange.ImportantWorsening : PainChange.ImportantImprovement;
                Assert.Equal(expected, Between(previous, next));
            }
        }
    }
}
