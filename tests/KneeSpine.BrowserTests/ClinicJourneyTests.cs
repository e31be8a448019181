using System.Text.RegularExpressions;
using KneeSpine.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KneeSpine.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class ClinicJourneyTests(BrowserApp app, Chromium chromium)
{
    private static readonly DateOnly Surgery = BrowserApp.Today.AddDays(-30);

    [Fact]
    public async Task Admin_creates_a_clinician_who_adds_a_patient_and_two_assessments_sees_the_chart_and_downloads_the_handout_then_the_patient_follows_up()
    {
        var page = await Ui.NewPageAsync(chromium);

        // Admin: create a clinician.
        await Ui.SignInAsync(page, app, BrowserApp.AdminEmail, BrowserApp.Password);
        Assert.EndsWith("/admin/users", page.Url, StringComparison.Ordinal);
        await CheckPageAsync(page, "admin-users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a user" }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync("clinician@clinic.example");
        await page.GetByLabel("Clinician: sees and assesses every patient").CheckAsync();
        await page.GetByLabel("First password").FillAsync(BrowserApp.Password);
        await CheckPageAsync(page, "admin-new-user");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("clinician@clinic.example");
        await Ui.SignOutAsync(page);

        // Clinician: add a patient.
        await Ui.SignInAsync(page, app, "clinician@clinic.example", BrowserApp.Password);
        Assert.EndsWith("/patients", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a patient" }).ClickAsync();
        await page.GetByLabel("Full name").FillAsync("Margaret Example");
        await Ui.FillDateAsync(page, "#birthDate", new DateOnly(1955, 4, 12));
        await page.GetByLabel("Female").CheckAsync();
        await CheckPageAsync(page, "clinician-new-patient");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add patient" }).ClickAsync();
        await Ui.WaitForPageAsync(page, PatientUrl());
        var patientUrl = page.Url;

        // First assessment: severe back pain, knee 6.
        await page.GetByRole(AriaRole.Link, new() { Name = "New assessment" }).ClickAsync();
        await CheckPageAsync(page, "clinician-new-assessment", fullPage: false);
        await Ui.AnswerRedFlagsAsync(page);
        await Ui.AnswerCoreAsync(page, Surgery.AddDays(3), Surgery, backPain: 7, kneePain: 6);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and see the result" }).ClickAsync();
        await Ui.WaitForPageAsync(page, AssessmentUrl());
        await CheckPageAsync(page, "clinician-result");
        Assert.Equal("triage", await Ui.FirstMainContentIdAsync(page));

        // Second assessment, carried surgery details: back pain down to 3 (an important improvement).
        await page.GotoAsync(patientUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "New assessment" }).ClickAsync();
        Assert.Equal($"{Surgery.Day}/{Surgery.Month}/{Surgery.Year}", await Ui.DateBoxesAsync(page, Ui.Id("surgery.date")));
        await Ui.AnswerRedFlagsAsync(page);
        await Ui.FillDateAsync(page, Ui.Id("assessedOn"), Surgery.AddDays(24));
        await page.Locator(Ui.Id("backPain.intensityNow")).FillAsync("3");
        await page.Locator(Ui.Id("knee.painNow")).FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and see the result" }).ClickAsync();
        await Ui.WaitForPageAsync(page, AssessmentUrl());

        // The patient page: chart with both assessments and the improvement marked.
        await page.GotoAsync(patientUrl);
        var chart = page.Locator("svg.pain-chart");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.Equal(2, await page.Locator("g.series-back circle").CountAsync());
        Assert.Equal(1, await page.Locator("g.change-better").CountAsync());
        await Assertions.Expect(page.Locator("table.data-table tbody tr")).ToHaveCountAsync(2);
        await CheckPageAsync(page, "clinician-patient", phoneScreenshot: true);

        // The handout of the latest assessment downloads as a PDF.
        await page.Locator("ol.timeline a").First.ClickAsync();
        await Ui.WaitForPageAsync(page, AssessmentUrl());
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download PDF handout" }).ClickAsync());
        Assert.Matches("^kneespine-handout-\\d{4}-\\d{2}-\\d{2}\\.pdf$", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var response = await page.Context.APIRequest.GetAsync(page.Url + "/handout");
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        Assert.StartsWith("attachment", response.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers["content-security-policy"], StringComparison.Ordinal);

        // Editing creates version 2; version 1 stays in the timeline.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit (saves a new version)" }).ClickAsync();
        await page.GetByLabel("Reason for this edit").FillAsync("Patient corrected the pain score");
        await page.Locator(Ui.Id("backPain.intensityNow")).FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and see the result" }).ClickAsync();
        await Ui.WaitForPageAsync(page, AssessmentUrl());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Version 2 of 2");
        await page.GotoAsync(patientUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "version 1" })).ToBeVisibleAsync();
        await Ui.SignOutAsync(page);

        // Admin gives the patient an account linked to her record.
        await Ui.SignInAsync(page, app, BrowserApp.AdminEmail, BrowserApp.Password);
        await page.GotoAsync(patientUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a patient account" }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync("margaret@home.example");
        await page.GetByLabel("First password").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("margaret@home.example");
        await Ui.SignOutAsync(page);

        // The patient answers her own follow-up in plain language and sees her result, plan and chart.
        await Ui.SignInAsync(page, app, "margaret@home.example", BrowserApp.Password);
        Assert.EndsWith("/me", page.Url, StringComparison.Ordinal);
        await CheckPageAsync(page, "patient-home", phoneScreenshot: true);
        await page.GetByRole(AriaRole.Link, new() { Name = "Answer the follow-up questions" }).ClickAsync();
        await CheckPageAsync(page, "patient-follow-up", phoneScreenshot: true, fullPage: false);
        await Ui.ContinueAsync(page, 2);
        await Assertions.Expect(page.GetByText("In the last 2 days, has your temperature been")).ToBeVisibleAsync();
        await CheckPageAsync(page, "patient-follow-up-warning-signs", phoneScreenshot: true, fullPage: false);
        await Ui.AnswerRedFlagsAsync(page);
        await Ui.ContinueAsync(page, 3);
        await page.Locator(Ui.Id("backPain.intensityNow")).FillAsync("2");
        await Ui.ContinueAsync(page, 4);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await Ui.WaitForPageAsync(page, new Regex("/me/assessments/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your full plan", Exact = true })).ToBeVisibleAsync();
        await CheckPageAsync(page, "patient-result", phoneScreenshot: true);
        await page.GotoAsync(app.BaseUrl + "/me");
        Assert.Equal(3, await page.Locator("g.series-back circle").CountAsync());

        // She sees only her own record.
        await page.GotoAsync(patientUrl);
        Assert.Contains("/account/access-denied", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Margaret Example");
        await Ui.SignOutAsync(page);

        // The admin finds that refused attempt in the audit trail.
        await Ui.SignInAsync(page, app, BrowserApp.AdminEmail, BrowserApp.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await page.GetByLabel("Patient id").FillAsync(patientUrl[(patientUrl.LastIndexOf('/') + 1)..]);
        await page.GetByLabel("Outcome").SelectOptionAsync("denied");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data-table tbody")).ToContainTextAsync("margaret@home.example");
        await CheckPageAsync(page, "admin-audit");
    }

    /// <summary>axe, console and phone-width checks on a main page, with screenshots (full page unless it is a long form).</summary>
    private static async Task CheckPageAsync(IPage page, string name, bool phoneScreenshot = false, bool fullPage = true)
    {
        await PageChecks.NoSeriousAccessibilityViolationsAsync(page);
        PageChecks.NoConsoleErrors();
        await Screenshots.SaveAsync(page, name, fullPage);
        var size = page.ViewportSize!;
        await page.SetViewportSizeAsync(375, 812);
        await PageChecks.NoHorizontalOverflowAsync(page);
        if (phoneScreenshot)
        {
            await Screenshots.SaveAsync(page, name + "-phone", fullPage);
        }

        await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    private Regex PatientUrl() => new(Regex.Escape(app.BaseUrl) + "/patients/[0-9a-f-]{36}$");

    private Regex AssessmentUrl() => new(Regex.Escape(app.BaseUrl) + "/patients/[0-9a-f-]{36}/assessments/[0-9a-f-]{36}$");
}
