using KneeSpine.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KneeSpine.BrowserTests;

/// <summary>The optional sections (mood and worry; back function) on the public check, at phone and desktop widths.</summary>
[Collection(BrowserSuite.Name)]
public sealed class QuestionnaireSectionTests(BrowserApp app, Chromium chromium)
{
    [Fact]
    public async Task Skipping_mood_and_back_function_still_gives_a_result_that_says_they_were_not_answered_on_a_phone()
    {
        var page = await Ui.NewPageAsync(chromium, 390, 844);
        await page.GotoAsync(app.BaseUrl + "/check");
        await Ui.AnswerStepsAsync(page, BrowserApp.Today, BrowserApp.Today.AddDays(-20), backPain: 3);
        await Assertions.Expect(page.Locator("#section-psychosocial > legend")).ToContainTextAsync("Mood and worry");
        await Assertions.Expect(page.Locator("#section-psychosocial .stem")).ToHaveTextAsync("Over the last 2 weeks, how often have you been bothered by the following problems?");
        await Assertions.Expect(page.Locator("#section-backFunction > legend")).ToContainTextAsync("Back function");
        await PageChecks.NoHorizontalOverflowAsync(page);
        await page.Locator("#section-psychosocial").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "check-mood-section-390", fullPage: false);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();

        var scores = page.Locator("#scores");
        await Assertions.Expect(scores).ToContainTextAsync("Low mood (PHQ-2)");
        await Assertions.Expect(scores).ToContainTextAsync("Not answered. These questions can be skipped.");
        await Assertions.Expect(scores).Not.ToContainTextAsync("out of");
        await PageChecks.NoSeriousAccessibilityViolationsAsync(page);
        await PageChecks.NoHorizontalOverflowAsync(page);
        await scores.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "check-scores-skipped-390", fullPage: false);
    }

    [Fact]
    public async Task Answered_mood_and_back_function_show_a_positive_screen_and_an_unvalidated_score_on_a_desktop()
    {
        var page = await Ui.NewPageAsync(chromium, 1366, 900);
        await page.GotoAsync(app.BaseUrl + "/check");
        await Ui.AnswerStepsAsync(page, BrowserApp.Today, BrowserApp.Today.AddDays(-20), backPain: 3);
        await page.Locator(Ui.Option("psychosocial.littleInterestOrPleasure", "2")).CheckAsync();
        await page.Locator(Ui.Option("psychosocial.feelingDownDepressedOrHopeless", "2")).CheckAsync();
        await page.Locator(Ui.Option("psychosocial.feelingNervousAnxiousOrOnEdge", "1")).CheckAsync();
        await page.Locator(Ui.Option("psychosocial.unableToStopOrControlWorrying", "0")).CheckAsync();
        foreach (var item in new[] { "standingUpFromChair", "walking15Minutes", "puttingOnSocksAndShoes", "lightHouseholdJobs" })
        {
            await page.Locator(Ui.Option("backFunction." + item, "1")).CheckAsync();
        }

        await page.Locator("#section-psychosocial").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "check-mood-section-1366", fullPage: false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();

        var scores = page.Locator("#scores");
        await Assertions.Expect(scores).ToContainTextAsync("4 out of 6. Positive screen, not a diagnosis.");
        await Assertions.Expect(scores).ToContainTextAsync("1 out of 6. Below the screening level of 3.");
        await Assertions.Expect(scores).ToContainTextAsync("4 out of 12.");
        await Assertions.Expect(scores).ToContainTextAsync("They are not a tested scale");
        await Assertions.Expect(page.Locator("#plan-talk-about-mood-and-worry")).ToBeVisibleAsync();
        await PageChecks.NoSeriousAccessibilityViolationsAsync(page);
        await scores.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "check-scores-1366", fullPage: false);
        await Screenshots.SaveAsync(page, "check-result-1366");
    }
}
