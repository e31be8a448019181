using KneeSpine.BrowserTests.Infrastructure;
using KneeSpine.Engine.Input;
using Microsoft.Playwright;

namespace KneeSpine.BrowserTests;

/// <summary>
/// The forms as a person meets them in Chromium at a phone's and a desk's width: every problem of a step in the first
/// response, required questions marked, answers kept after an expired token, error pages in the site layout.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class FormBrowserTests(BrowserApp app, Chromium chromium)
{
    private static readonly int[] Widths = [390, 1366];

    public static TheoryData<int> Sizes => [.. Widths];

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Each_step_of_the_check_sent_empty_lists_every_required_question_of_the_step_at_once(int width)
    {
        var page = await Ui.NewPageAsync(chromium, width, 844);
        await page.GotoAsync(app.BaseUrl + "/check");
        await AssertFitsAsync(page, $"form-check-step1-{width}");
        foreach (var box in new[] { "", "-month", "-year" })
        {
            await page.Locator(Ui.Id("assessedOn") + box).FillAsync("");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await AssertSummaryAsync(page, RequiredIn("assessment", "patient", "surgery"));
        await AssertFitsAsync(page, $"form-check-step1-errors-{width}");

        await Ui.FillDateAsync(page, Ui.Id("assessedOn"), BrowserApp.Today);
        await page.Locator(Ui.Id("patient.ageYears")).FillAsync("70");
        await Ui.FillDateAsync(page, Ui.Id("surgery.date"), BrowserApp.Today.AddDays(-30));
        await page.Locator(Ui.Option("surgery.anesthesia", "general")).CheckAsync();
        await Ui.ContinueAsync(page, 2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await AssertSummaryAsync(page, RequiredIn("redFlags"));
        await AssertFitsAsync(page, $"form-check-step2-errors-{width}");

        await Ui.AnswerRedFlagsAsync(page);
        await Ui.ContinueAsync(page, 3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await AssertSummaryAsync(page, RequiredIn("backPain", "knee"));

        await page.Locator(Ui.Id("backPain.intensityNow")).FillAsync("2");
        await Ui.ContinueAsync(page, 4);
        await Assertions.Expect(page.Locator(".required-tag")).ToHaveCountAsync(0);
        await AssertFitsAsync(page, $"form-check-step4-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        Assert.Equal("self-care", await page.Locator("main > :first-child").GetAttributeAsync("data-triage"));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task The_clinician_forms_sent_empty_list_every_required_question_at_once(int width)
    {
        var page = await Ui.NewPageAsync(chromium, width, 900);
        await Ui.SignInAsync(page, app, BrowserApp.AdminEmail, BrowserApp.Password);

        await page.GotoAsync(app.BaseUrl + "/patients/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary.Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(summary).ToContainTextAsync("Enter the date of birth.");
        await AssertFitsAsync(page, $"form-new-patient-errors-{width}");
        await page.GetByLabel("Full name").FillAsync($"Empty Form {width}");
        await Ui.FillDateAsync(page, "#birthDate", new DateOnly(1950, 2, 3));
        await page.GetByLabel("Female").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/patients/[0-9a-f-]{36}$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "New assessment" }).ClickAsync();
        await AssertFitsAsync(page, $"form-new-assessment-{width}", fullPage: false);
        await Assertions.Expect(page.Locator(".required-tag")).ToHaveCountAsync(InputFields.All.Count(f => f.Required));
        foreach (var box in new[] { Ui.Id("assessedOn"), Ui.Id("assessedOn") + "-month", Ui.Id("assessedOn") + "-year", Ui.Id("patient.ageYears") })
        {
            await page.Locator(box).FillAsync("");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and see the result" }).ClickAsync();
        await AssertSummaryAsync(page, [.. InputFields.All.Where(f => f.Required).Select(f => f.Path)]);
        await AssertFitsAsync(page, $"form-new-assessment-errors-{width}", fullPage: false);
    }

    [Fact]
    public async Task A_step_sent_after_its_token_was_lost_comes_back_with_its_answers_and_asks_to_send_again()
    {
        var page = await Ui.NewPageAsync(chromium, 390, 844);
        await page.GotoAsync(app.BaseUrl + "/check");
        await page.Locator(Ui.Id("patient.ageYears")).FillAsync("82");
        await Ui.FillDateAsync(page, Ui.Id("surgery.date"), BrowserApp.Today.AddDays(-9));
        await page.Locator(Ui.Option("surgery.anesthesia", "epidural")).CheckAsync();
        // The antiforgery cookie is gone, as after a long pause or a new browser session.
        await page.Context.ClearCookiesAsync();

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/check", StringComparison.Ordinal));

        Assert.Equal(400, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answers are still here");
        await Assertions.Expect(page.Locator(".steps__count")).ToHaveTextAsync("Step 1 of 4");
        Assert.Equal("82", await page.Locator(Ui.Id("patient.ageYears")).InputValueAsync());
        Assert.True(await page.Locator(Ui.Option("surgery.anesthesia", "epidural")).IsCheckedAsync());
        await AssertFitsAsync(page, "form-check-resend-390", fullPage: false);

        await Ui.ContinueAsync(page, 2);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Error_pages_keep_the_layout_say_what_happened_and_keep_their_status(int width)
    {
        var page = await Ui.NewPageAsync(chromium, width, 844);
        foreach (var (path, status, heading, name) in new[]
        {
            ("/no-such-page", 404, "Page not found", "404"),
        })
        {
            var response = await page.GotoAsync(app.BaseUrl + path);

            Assert.Equal(status, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await Assertions.Expect(page.Locator("header.site-header nav.site-nav--bar:visible, header.site-header details.nav-menu:visible").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("footer")).ToContainTextAsync("KneeSpine supports, and does not replace, clinical judgement.");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to the start page" })).ToBeVisibleAsync();
            await AssertFitsAsync(page, $"error-{name}-{width}");
        }
    }

    private static string[] RequiredIn(params string[] sections) =>
        [.. InputFields.All.Where(f => f.Required && sections.Contains(f.Section)).Select(f => f.Path)];

    private static async Task AssertSummaryAsync(IPage page, string[] paths)
    {
        var links = page.Locator(".error-summary li a");
        await Assertions.Expect(links).ToHaveCountAsync(paths.Length);
        var hrefs = await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(paths.Select(Ui.Id).Order(StringComparer.Ordinal), hrefs.Order(StringComparer.Ordinal));
        foreach (var path in paths)
        {
            await Assertions.Expect(page.Locator($"[data-field='{path}'] .error-message")).ToBeVisibleAsync();
        }
    }

    private static async Task AssertFitsAsync(IPage page, string screenshot, bool fullPage = true)
    {
        await PageChecks.NoSeriousAccessibilityViolationsAsync(page);
        await PageChecks.NoHorizontalOverflowAsync(page);
        await Screenshots.SaveAsync(page, screenshot, fullPage);
    }
}
