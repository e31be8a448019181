using System.Text.RegularExpressions;
using KneeSpine.BrowserTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace KneeSpine.BrowserTests;

/// <summary>
/// The worklist and the patient list in a real browser, at a phone's width (390 px) and a desk's (1366 px), with axe:
/// an emergency followed by a calm check stays on the worklist and in the list; an overdue urgent item says so; a
/// clinician acknowledges it with the form.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class WorklistBrowserTests(BrowserApp app, Chromium chromium)
{
    private static readonly DateOnly Surgery = BrowserApp.Today.AddDays(-20);

    [Fact]
    public async Task A_clinician_sees_open_items_by_severity_acknowledges_one_and_the_patient_list_keeps_the_emergency()
    {
        var page = await Ui.NewPageAsync(chromium, 1366, 900);
        await Ui.SignInAsync(page, app, BrowserApp.AdminEmail, BrowserApp.Password);

        var harold = await AddPatientAsync(page, "Harold Worklist");
        await AssessAsync(page, harold, "redFlags.chestPainOrShortnessOfBreath");
        var irene = await AddPatientAsync(page, "Irene Worklist");
        await AssessAsync(page, irene, "redFlags.feverOrChills");
        // Five hours on: the urgent item (due within 4 h) is overdue; then Harold's calm follow-up.
        ((FakeTimeProvider)app.Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromHours(5));
        await AssessAsync(page, harold);

        await page.GotoAsync(app.BaseUrl + "/worklist");
        var cards = page.Locator("ol.worklist article");
        var names = (await page.Locator("ol.worklist article h3").AllInnerTextsAsync()).ToList();
        Assert.True(names.IndexOf("Harold Worklist") < names.IndexOf("Irene Worklist"), string.Join(", ", names));
        var ireneCard = cards.Filter(new() { HasText = "Irene Worklist" });
        await Assertions.Expect(ireneCard).ToContainTextAsync("Overdue by 1 h");
        await Assertions.Expect(cards.Filter(new() { HasText = "Harold Worklist" })).ToContainTextAsync("Emergency: act now");
        await Assertions.Expect(page.Locator(".site-nav .nav-count:visible")).Not.ToHaveTextAsync("0");
        await PageChecks.AtDeskAndPhoneWidthsAsync(page, "worklist");
        // At a desk an open item reads across: its action form beside its facts, not below them (a page that used
        // only a 44 rem column left two thirds of the screen empty and each item a screen tall).
        var facts = await ireneCard.Locator(".worklist-item__facts").BoundingBoxAsync();
        var form = await ireneCard.Locator(".acknowledge-form").BoundingBoxAsync();
        Assert.True(form!.X >= facts!.X + facts.Width && form.Y < facts.Y + facts.Height, $"facts {facts.X},{facts.Y} {facts.Width}x{facts.Height}; form {form.X},{form.Y}");

        await ireneCard.GetByLabel("What was done").SelectOptionAsync("called-patient");
        await ireneCard.GetByLabel("Note").FillAsync("Temperature 37.2 today; wound clean. Review booked for Friday.");
        await ireneCard.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Acknowledged: Irene Worklist, Called the patient.");
        await Assertions.Expect(page.Locator("ol.worklist")).Not.ToContainTextAsync("Irene Worklist");
        await page.GetByRole(AriaRole.Link, new() { Name = "Acknowledged", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.worklist")).ToContainTextAsync("Review booked for Friday.");
        await PageChecks.AtDeskAndPhoneWidthsAsync(page, "worklist-acknowledged");

        await page.GotoAsync(app.BaseUrl + "/patients?sort=open-item");
        var haroldRow = page.Locator("table.patient-list tbody tr").Filter(new() { HasText = "Harold Worklist" });
        await Assertions.Expect(haroldRow).ToContainTextAsync("Emergency: act now");
        await Assertions.Expect(haroldRow).ToContainTextAsync("No warning signs");
        await PageChecks.AtDeskAndPhoneWidthsAsync(page, "patient-list");

        // On a phone the sorting and filters fold behind one line, open here because a sort was asked for; without
        // one only the name search shows, and a tap opens the rest. A desk always shows them.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.GetByLabel("Open worklist item")).ToBeVisibleAsync();
        await page.GotoAsync(app.BaseUrl + "/patients");
        await Assertions.Expect(page.GetByLabel("Search by name")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Open worklist item")).ToBeHiddenAsync();
        await page.Locator(".filter-panel > summary").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Open worklist item")).ToBeVisibleAsync();
        await PageChecks.NoHorizontalOverflowAsync(page);
        await page.GotoAsync(app.BaseUrl + "/patients");
        await page.SetViewportSizeAsync(1366, 900);
        await Assertions.Expect(page.GetByLabel("Open worklist item")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".filter-panel > summary")).ToBeHiddenAsync();
    }

    private async Task<string> AddPatientAsync(IPage page, string name)
    {
        await page.GotoAsync(app.BaseUrl + "/patients/new");
        await page.GetByLabel("Full name").FillAsync(name);
        await Ui.FillDateAsync(page, "#birthDate", new DateOnly(1950, 2, 3));
        await page.GetByLabel("Man (male)", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();
        await Ui.WaitForPageAsync(page, new Regex("/patients/[0-9a-f-]{36}$"));
        return page.Url;
    }

    private static async Task AssessAsync(IPage page, string patientUrl, params string[] yes)
    {
        await page.GotoAsync(patientUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "New assessment" }).ClickAsync();
        await Ui.AnswerRedFlagsAsync(page, yes);
        await Ui.AnswerCoreAsync(page, BrowserApp.Today, Surgery, backPain: 3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and see the result" }).ClickAsync();
        await Ui.WaitForPageAsync(page, new Regex("/patients/[0-9a-f-]{36}/assessments/[0-9a-f-]{36}$"));
    }
}
