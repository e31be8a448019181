using System.Globalization;
using System.Text.RegularExpressions;
using KneeSpine.Engine.Input;
using Microsoft.Playwright;

namespace KneeSpine.BrowserTests.Infrastructure;

/// <summary>What a user does, in Playwright terms: sign in, answer the assessment form.</summary>
public static class Ui
{
    /// <summary>Every browser console error of the run (a blocked inline script or style shows up here).</summary>
    public static System.Collections.Concurrent.ConcurrentBag<string> ConsoleErrors { get; } = [];

    public static string[] RedFlagPaths { get; } = [.. InputFields.All.Where(f => f.Section == "redFlags").Select(f => f.Path)];

    public static async Task<IPage> NewPageAsync(Chromium chromium, int width = 1200, int height = 900)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        // Ceilings against a hang, not speed requirements: Playwright waits for each condition and goes on as soon as it holds.
        page.SetDefaultTimeout(120_000);
        Assertions.SetDefaultExpectTimeout(120_000);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsTheDocumentsOwnStatus(message))
            {
                ConsoleErrors.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>
    /// Chromium logs a page answered with 4xx/5xx as a console error about the document itself ("Failed to load
    /// resource" located at the document's URL, line 0). Tests that visit error pages on purpose (404, an expired form
    /// token's 400) must not fail every other test through the shared list; a stylesheet, script or image that fails is
    /// located at its own URL and still counts.
    /// </summary>
    private static bool IsTheDocumentsOwnStatus(IConsoleMessage message) =>
        message.Text.StartsWith("Failed to load resource: the server responded with a status of", StringComparison.Ordinal)
        && message.Page is { } page
        && message.Location.StartsWith(page.Url + ":", StringComparison.Ordinal);

    public static async Task SignInAsync(IPage page, BrowserApp app, string email, string password)
    {
        await page.GotoAsync(app.BaseUrl + "/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Waits for the navigation to leave the login page, then for the signed-in page's own content: the browser's
        // "load" event alone was seen never to arrive in Playwright's view on a machine with load 20+.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        // On a phone the Sign out button is inside the folded menu: present, not yet visible.
        await Assertions.Expect(page.Locator("form[action='/account/logout']").First).ToBeAttachedAsync();
    }

    /// <summary>On a phone, opens the folded navigation (the "Menu" button); on a desk the links are already shown.</summary>
    public static async Task OpenMenuIfFoldedAsync(IPage page)
    {
        var menu = page.Locator("details.nav-menu");
        if (await menu.IsVisibleAsync() && await menu.GetAttributeAsync("open") is null)
        {
            await page.Locator(".nav-menu__button").ClickAsync();
        }
    }

    public static async Task SignOutAsync(IPage page)
    {
        await OpenMenuIfFoldedAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Waits until the page is at <paramref name="url"/> and its document is parsed. Playwright's lifecycle waits were
    /// seen to hang for minutes on a machine with load 15-20+ although the page had arrived: first the "load" event
    /// after a form post, later DOMContentLoaded after a commit (its log said the page had even reached network idle).
    /// So this waits for the navigation to commit and then asks the document itself, polling, whether it is parsed;
    /// later steps wait for their own elements.
    /// </summary>
    public static async Task WaitForPageAsync(IPage page, Regex url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null, new() { PollingInterval = 100 });
    }

    /// <summary>The id of a control, as the form generates it (<c>redFlags.feverOrChills</c> is <c>#f-redFlags-feverOrChills</c>).</summary>
    public static string Id(string path) => "#f-" + path.Replace('.', '-');

    /// <summary>The id of one option of a choice or yes/no question (the first option has the field's own id).</summary>
    public static string Option(string path, string value)
    {
        var field = InputFields.Get(path);
        var first = field.Kind == FieldKind.Boolean ? "true"
            : field.Codes.Count > 0 ? field.Codes[0]
            : ((int)field.Minimum!.Value).ToString(CultureInfo.InvariantCulture);
        return value == first ? Id(path) : Id(path) + "-" + value;
    }

    /// <summary>Answers every red flag: yes for <paramref name="yes"/>, no for the others.</summary>
    public static async Task AnswerRedFlagsAsync(IPage page, params string[] yes)
    {
        foreach (var path in RedFlagPaths)
        {
            await page.Locator(Option(path, yes.Contains(path) ? "true" : "false")).CheckAsync();
        }
    }

    /// <summary>Fills the required answers that are not filled in from the record, and the given optional ones (the clinician's one-page form).</summary>
    public static async Task AnswerCoreAsync(IPage page, DateOnly assessedOn, DateOnly surgery, int backPain, int? kneePain = null, int age = 71)
    {
        await AnswerAboutYouAsync(page, assessedOn, surgery, age);
        await AnswerPainAsync(page, backPain, kneePain);
    }

    /// <summary>
    /// Answers the first three steps of the patient's questionnaire (about you, warning signs, pain), pressing Continue
    /// after each, and stops on the last step so the test can answer more before sending.
    /// </summary>
    public static async Task AnswerStepsAsync(IPage page, DateOnly assessedOn, DateOnly surgery, int backPain, int? kneePain = null, params string[] yes)
    {
        await AnswerAboutYouAsync(page, assessedOn, surgery, 71);
        await ContinueAsync(page, 2);
        await AnswerRedFlagsAsync(page, yes);
        await ContinueAsync(page, 3);
        await AnswerPainAsync(page, backPain, kneePain);
        await ContinueAsync(page, 4);
    }

    /// <summary>Presses Continue and waits for the step that should follow.</summary>
    public static async Task ContinueAsync(IPage page, int expectedStep)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".steps__count")).ToHaveTextAsync($"Step {expectedStep} of 4");
    }

    /// <summary>Types a date into the day, month and year boxes whose day box has id <paramref name="dayId"/> (e.g. <c>#f-surgery-date</c>).</summary>
    public static async Task FillDateAsync(IPage page, string dayId, DateOnly date)
    {
        await page.Locator(dayId).FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator(dayId + "-month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator(dayId + "-year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The date the day, month and year boxes hold, as typed ("7/12/2026").</summary>
    public static async Task<string> DateBoxesAsync(IPage page, string dayId) =>
        $"{await page.Locator(dayId).InputValueAsync()}/{await page.Locator(dayId + "-month").InputValueAsync()}/{await page.Locator(dayId + "-year").InputValueAsync()}";

    private static async Task AnswerAboutYouAsync(IPage page, DateOnly assessedOn, DateOnly surgery, int age)
    {
        await FillDateAsync(page, Id("assessedOn"), assessedOn);
        await page.Locator(Id("patient.ageYears")).FillAsync(age.ToString(CultureInfo.InvariantCulture));
        await FillDateAsync(page, Id("surgery.date"), surgery);
        await page.Locator(Option("surgery.anesthesia", "spinal")).CheckAsync();
    }

    private static async Task AnswerPainAsync(IPage page, int backPain, int? kneePain)
    {
        await page.Locator(Id("backPain.intensityNow")).FillAsync(backPain.ToString(CultureInfo.InvariantCulture));
        if (kneePain is { } knee)
        {
            await page.Locator(Id("knee.painNow")).FillAsync(knee.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The text of the first element inside &lt;main&gt;.</summary>
    public static Task<string> FirstMainContentIdAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const first = document.querySelector('main').firstElementChild; return first.id || first.className; }");
}
