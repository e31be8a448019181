using KneeSpine.BrowserTests.Infrastructure;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using Microsoft.Playwright;

namespace KneeSpine.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class PublicCheckTests(BrowserApp app, Chromium chromium)
{
    [Fact]
    public async Task An_emergency_answer_shows_the_emergency_banner_before_anything_else()
    {
        var page = await Ui.NewPageAsync(chromium);
        await page.GotoAsync(app.BaseUrl + "/check");
        await PageChecks.NoSeriousAccessibilityViolationsAsync(page);
        await Screenshots.SaveAsync(page, "public-check", fullPage: false);

        await Ui.AnswerStepsAsync(page, BrowserApp.Today, BrowserApp.Today.AddDays(-5), backPain: 8, kneePain: null, "redFlags.newBladderOrBowelProblem");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();

        var banner = page.Locator("main > :first-child");
        Assert.Equal("emergency", await banner.GetAttributeAsync("data-triage"));
        await Assertions.Expect(banner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(KnowledgeBase.Default.Headline(TriageLevel.Emergency));
        var order = await page.EvaluateAsync<int[]>("""
            () => ['#triage', '#alerts-heading', '#plan-heading'].map(s => {
                const all = [...document.querySelectorAll('main *')];
                return all.indexOf(document.querySelector(s));
            })
            """);
        Assert.True(order[0] >= 0 && order[0] < order[1] && order[1] < order[2], string.Join(",", order));
        var bannerBox = (await banner.BoundingBoxAsync())!;
        var alertsBox = (await page.Locator("#alerts-heading").BoundingBoxAsync())!;
        Assert.True(bannerBox.Y + bannerBox.Height <= alertsBox.Y, "the banner is drawn above the alerts");
        await PageChecks.NoSeriousAccessibilityViolationsAsync(page);
        PageChecks.NoConsoleErrors();
        await Screenshots.SaveAsync(page, "public-check-emergency");
    }

    [Fact]
    public async Task An_unanswered_red_flag_is_an_error_linked_from_the_summary_and_nothing_else_is_lost()
    {
        var page = await Ui.NewPageAsync(chromium);
        await page.GotoAsync(app.BaseUrl + "/check");
        await Ui.FillDateAsync(page, Ui.Id("surgery.date"), BrowserApp.Today.AddDays(-20));
        await page.Locator(Ui.Id("patient.ageYears")).FillAsync("66");
        await page.Locator(Ui.Option("surgery.anesthesia", "spinal")).CheckAsync();
        await Ui.ContinueAsync(page, 2);
        foreach (var path in Ui.RedFlagPaths.Where(p => p != "redFlags.feverOrChills"))
        {
            await page.Locator(Ui.Option(path, "false")).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        var number = Ui.RedFlagPaths.ToList().IndexOf("redFlags.feverOrChills") + 1;
        await Assertions.Expect(summary).ToContainTextAsync($"Warning sign question {number} of {Ui.RedFlagPaths.Length}: Choose yes or no.");
        Assert.Equal(1, await summary.Locator("li").CountAsync());
        await Assertions.Expect(page.Locator(".steps__count")).ToHaveTextAsync("Step 2 of 4");
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator(Ui.Id("redFlags.feverOrChills"))).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#f-redFlags-feverOrChills-group .error-message")).ToContainTextAsync("never take a blank answer");
        Assert.True(await page.Locator(Ui.Option("redFlags.calfSwellingOrPain", "false")).IsCheckedAsync());
        await PageChecks.NoSeriousAccessibilityViolationsAsync(page);
        await Screenshots.SaveAsync(page, "public-check-errors", fullPage: false);

        // Back to the first step: what was typed there came along in the form and is still there.
        await page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Assertions.Expect(page.Locator(".steps__count")).ToHaveTextAsync("Step 1 of 4");
        Assert.Equal("66", await page.Locator(Ui.Id("patient.ageYears")).InputValueAsync());
        var surgery = BrowserApp.Today.AddDays(-20);
        Assert.Equal($"{surgery.Day}/{surgery.Month}/{surgery.Year}", await Ui.DateBoxesAsync(page, Ui.Id("surgery.date")));
    }

    [Theory]
    [InlineData("/", "home")]
    [InlineData("/account/login", "login")]
    public async Task Public_pages_are_accessible_and_fit_a_phone(string path, string name)
    {
        var page = await Ui.NewPageAsync(chromium, 375, 812);
        var response = await page.GotoAsync(app.BaseUrl + path);

        Assert.Equal(200, response!.Status);
        await PageChecks.NoSeriousAccessibilityViolationsAsync(page);
        await PageChecks.NoHorizontalOverflowAsync(page);
        await Assertions.Expect(page.Locator("footer")).ToContainTextAsync("KneeSpine supports, and does not replace, clinical judgement.");
        await Screenshots.SaveAsync(page, name + "-phone");
    }
}
