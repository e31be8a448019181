using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Builders;

namespace KneeSpine.Engine.Tests.Knowledge;

/// <summary>The two lists of the printed handout (clinical-rules.md, "Printed handout"), kept as data in the knowledge base.</summary>
public sealed class HandoutListTests
{
    private static readonly HandoutLists Handout = KnowledgeBase.Default.Handout!;

    [Fact]
    public void The_lists_have_the_spec_headings_and_the_urgent_list_sends_first_list_signs_to_an_ambulance()
    {
        Assert.Equal("Call an ambulance now if you have any of these", Handout.Emergency.Heading);
        Assert.Equal("Contact your care team today if you have any of these", Handout.Urgent.Heading);
        Assert.Equal("If you also have a sign from the first list, call an ambulance instead.", Handout.Urgent.Intro);
    }

    [Theory]
    [InlineData(TriageLevel.Emergency)]
    [InlineData(TriageLevel.Urgent)]
    public void Every_alert_of_the_level_is_on_its_list_and_the_list_names_no_alert_of_another_level(TriageLevel level)
    {
        var list = level == TriageLevel.Emergency ? Handout.Emergency : Handout.Urgent;
        var named = list.Items.SelectMany(i => i.Alerts).ToHashSet();

        Assert.Equal(
            KnowledgeBase.Default.Alerts.Where(a => a.Level == level).Select(a => a.Id).Order(),
            named.Order());
        Assert.All(named, id => Assert.Equal(level, KnowledgeBase.Default.Alerts[id].Level));
    }

    [Fact]
    public void The_soon_alerts_are_not_on_the_handout() =>
        Assert.DoesNotContain(
            Handout.Emergency.Items.Concat(Handout.Urgent.Items).SelectMany(i => i.Alerts),
            id => KnowledgeBase.Default.Alerts[id].Level == TriageLevel.Soon);

    [Fact]
    public void The_only_item_without_an_alert_on_the_first_list_is_the_general_advice_on_feeling_faint()
    {
        var general = Assert.Single(Handout.Emergency.Items, i => i.Alerts.Count == 0);

        Assert.Contains("feel faint, dizzy or sweaty", general.Text, StringComparison.Ordinal);
        Assert.All(Handout.Emergency.Items, i => Assert.Null(i.ShowWhen));
    }

    [Fact]
    public void The_cancer_line_and_the_shivery_line_appear_only_for_the_patients_they_concern()
    {
        var plain = AssessmentBuilder.Baseline().Build();
        var cancer = AssessmentBuilder.Baseline().Conditions(Condition.CancerHistory).Build();
        var steroids = AssessmentBuilder.Baseline().Medications(m => m with { LongTermSteroids = true }).Build();
        var immune = AssessmentBuilder.Baseline().Conditions(Condition.Immunosuppression).Build();

        Assert.Equal(Handout.Urgent.Items.Count - 2, Handout.Urgent.ItemsFor(plain).Count);
        Assert.Equal(Handout.Urgent.ItemsFor(null), Handout.Urgent.ItemsFor(plain));
        Assert.Contains(Handout.Urgent.ItemsFor(cancer), i => i.ShowWhen == HandoutItem.CancerHistory);
        Assert.DoesNotContain(Handout.Urgent.ItemsFor(cancer), i => i.ShowWhen == HandoutItem.InfectionHardToSpot);
        Assert.Contains(Handout.Urgent.ItemsFor(steroids), i => i.ShowWhen == HandoutItem.InfectionHardToSpot);
        Assert.Contains(Handout.Urgent.ItemsFor(immune), i => i.Text.Contains("shivery", StringComparison.Ordinal));
        Assert.Equal(Handout.Emergency.Items, Handout.Emergency.ItemsFor(plain));
    }

    [Fact]
    public void The_haematoma_signs_on_the_first_list_are_the_two_arms_with_their_windows()
    {
        var hematoma = Handout.Emergency.Items.Where(i => i.Alerts.Contains("suspected-spinal-epidural-hematoma")).Select(i => i.Text).ToList();

        Assert.Equal(2, hematoma.Count);
        Assert.StartsWith("In the first week after the operation, sudden back pain that is still very bad.", hematoma[0], StringComparison.Ordinal);
        Assert.StartsWith("In the first 2 weeks after the operation, a foot or leg that gets weak or numb in a new way.", hematoma[1], StringComparison.Ordinal);
    }
}
