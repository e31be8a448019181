using KneeSpine.Web.Assessments.Results;

namespace KneeSpine.Web.Tests.ResultPages;

/// <summary>The line under a next step's title: its first sentence, left out when it only repeats the title.</summary>
public sealed class StepSummaryTests
{
    [Theory]
    [InlineData("Walk a little more each week", "Walk a little more each week.")]
    [InlineData("Walk a little more each week.", "walk a little more each week")]
    [InlineData("Warmth on your lower back", "Warmth on your lower back. Use a warm pack for 20 minutes.")]
    public void A_first_sentence_that_repeats_the_title_is_left_out(string title, string text) =>
        Assert.Null(ResultView.StepSummary(title, text));

    [Fact]
    public void A_first_sentence_that_says_more_than_the_title_is_shown_alone() =>
        Assert.Equal(
            "See a physical therapist for your back, not only for your knee.",
            ResultView.StepSummary("Physical therapy for your back", "See a physical therapist for your back, not only for your knee. Ask your care team."));
}
