using KneeSpine.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KneeSpine.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class KeyboardTests(BrowserApp app, Chromium chromium)
{
    private const int MaxKeyPresses = 400;

    [Fact]
    public async Task The_assessment_form_can_be_completed_with_the_keyboard_alone()
    {
        var page = await Ui.NewPageAsync(chromium);
        await page.GotoAsync(app.BaseUrl + "/check");
        var surgery = BrowserApp.Today.AddDays(-12);

        // From the top of each step: Tab through every control, answering with keys only, then Continue with Enter.
        var submitted = false;
        for (var presses = 0; presses < MaxKeyPresses && !submitted; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>("() => { const e = document.activeElement; return [e.tagName, e.type || '', e.name || '', e.textContent || '']; }");
            var (tag, type, name) = (focused[0], focused[1], focused[2]);
            if (type == "radio" && name.StartsWith("redFlags.", StringComparison.Ordinal))
            {
                // Nothing is pre-selected: the arrow moves from "Yes" to "No" and selects it.
                await page.Keyboard.PressAsync("ArrowRight");
            }
            else if (type == "radio" && name == "surgery.anesthesia")
            {
                await page.Keyboard.PressAsync("Space");
            }
            else if (name.StartsWith("surgery.date.", StringComparison.Ordinal))
            {
                var part = name["surgery.date.".Length..] switch { "day" => surgery.Day, "month" => surgery.Month, _ => surgery.Year };
                await page.Keyboard.TypeAsync(part.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (name == "patient.ageYears")
            {
                await page.Keyboard.TypeAsync("74");
            }
            else if (name == "backPain.intensityNow")
            {
                await page.Keyboard.TypeAsync("5");
            }
            else if (tag == "BUTTON" && focused[3].Contains("Continue", StringComparison.Ordinal))
            {
                var step = await page.Locator(".steps__count").TextContentAsync();
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(page.Locator(".steps__count")).Not.ToHaveTextAsync(step!);
                await Assertions.Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
            }
            else if (tag == "BUTTON" && focused[3].Contains("Send my answers", StringComparison.Ordinal))
            {
                await page.Keyboard.PressAsync("Enter");
                submitted = true;
            }
        }

        Assert.True(submitted, "Tab reached the submit button");
        await Assertions.Expect(page.Locator("main > :first-child")).ToHaveAttributeAsync("data-triage", "self-care");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your plan", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_and_moves_focus_to_the_main_content()
    {
        var page = await Ui.NewPageAsync(chromium);
        await page.GotoAsync(app.BaseUrl + "/check");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
    }
}
