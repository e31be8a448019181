using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Web.Charts;
using KneeSpine.Web.Handouts;

namespace KneeSpine.Web.Tests.Handouts;

public sealed class HandoutFactoryTests
{
    private static (AssessmentInput Input, AssessmentResult Result) Evaluate(string example)
    {
        var input = AssessmentInputReader.Read(RepositorySpec.ExampleInput(example)).Input!;
        return (input, AssessmentEvaluator.Default.Evaluate(input));
    }

    private static Handout HandoutFor(string example)
    {
        var (input, result) = Evaluate(example);
        PainPoint[] history = [new(input.AssessedOn, result.DaysSinceSurgery, input.BackPain.IntensityNow, input.Knee?.PainNow)];
        return HandoutFactory.Create("Test Patient", input.AssessedOn, result, history, input);
    }

    [Theory]
    [MemberData(nameof(RepositorySpec.ExampleNameData), MemberType = typeof(RepositorySpec))]
    public void Every_spec_example_gives_a_handout_of_at_most_four_pages_that_starts_with_its_headline(string example)
    {
        var handout = HandoutFor(example);

        var pdf = HandoutPdf.Create(handout);

        var pages = PdfText.Pages(pdf);
        // Both warning-sign lists are on every handout; the longest self-care plans (examples 05 and 09) then take four pages.
        Assert.InRange(pages.Count, 1, 4);
        var first = pages[0];
        var headline = first.IndexOf(handout.Headline.Split(' ')[0], StringComparison.Ordinal);
        Assert.Contains(handout.Headline, first.Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        var plan = string.Join(' ', pages).IndexOf("Your plan", StringComparison.Ordinal);
        Assert.True(headline >= 0 && headline < plan, $"headline at {headline}, plan at {plan}");
    }

    [Fact]
    public void Plan_items_carry_the_knowledge_base_titles_and_the_result_texts()
    {
        var (_, result) = Evaluate("05-poor-sleep-inactive-bow-legs");
        var handout = HandoutFor("05-poor-sleep-inactive-bow-legs");

        Assert.Equal(result.Plan.Select(p => KnowledgeBase.Default.PlanItems[p.Id].Title), handout.Plan.Select(p => p.Title));
        Assert.Equal(result.Plan.Select(p => p.PatientText), handout.Plan.Select(p => p.Text));
    }

    [Fact]
    public void Citations_are_full_listed_once_each_and_kept_with_the_plan_items_that_rest_on_them()
    {
        var (input, result) = Evaluate("02-cauda-equina-on-anticoagulant");

        var handout = HandoutFactory.Create("Test Patient", input.AssessedOn, result, [], input);

        var cited = result.Alerts.SelectMany(a => a.Sources).Concat(result.Factors.SelectMany(f => f.Sources)).Concat(result.Plan.SelectMany(p => p.Sources)).Distinct().ToArray();
        Assert.Equal(cited.Length, handout.Sources.Count);
        Assert.Equal(handout.Sources.Count, handout.Sources.Select(c => c.Text).Distinct().Count());
        Assert.Contains(CitationFormatter.Text(KnowledgeBase.Default.Sources["moen-2004"]), handout.Sources.Select(c => c.Text));
        Assert.All(handout.Plan, item => Assert.NotEmpty(item.Sources));
        Assert.Equal(result.Plan[0].Sources.Select(id => CitationFormatter.Label(KnowledgeBase.Default.Sources[id])), handout.Plan[0].Sources.Select(c => c.Label));
    }
}
