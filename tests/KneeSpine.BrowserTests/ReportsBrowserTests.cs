using KneeSpine.BrowserTests.Infrastructure;
using KneeSpine.Web.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KneeSpine.BrowserTests;

/// <summary>
/// The outcomes report in a real browser over a generated cohort, at a desk's (1366 px) and a phone's (390 px) width,
/// with axe: every chart is an image with a name and has its table; a filter narrows the report and keeps the CSV
/// links on the same filter.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class ReportsBrowserTests(BrowserApp app, Chromium chromium)
{
    [Fact]
    public async Task A_clinician_reads_the_report_filters_it_and_each_chart_has_its_table_and_csv()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CohortGenerator>().GenerateAsync(80, seed: 42, progress: null, TestContext.Current.CancellationToken);
        }

        var page = await Ui.NewPageAsync(chromium, 1366, 900);
        await Ui.SignInAsync(page, app, BrowserApp.AdminEmail, BrowserApp.Password);
        await page.GotoAsync(app.BaseUrl + "/reports", new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Outcomes report", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".report-age")).ToContainTextAsync("Data as of");
        var charts = page.Locator("svg.report-chart[role=img]");
        Assert.True(await charts.CountAsync() >= 8, $"{await charts.CountAsync()} charts");
        foreach (var section in await page.Locator("section.report-section").AllAsync())
        {
            await Assertions.Expect(section.Locator("table")).ToHaveCountAsync(1);
            await Assertions.Expect(section.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("as CSV$") })).ToHaveCountAsync(1);
        }

        await PageChecks.AtDeskAndPhoneWidthsAsync(page, "reports");
        foreach (var width in new[] { 1366, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var chart in await charts.AllAsync())
            {
                await PageChecks.ChartTextInsideAsync(chart, $"report chart at {width}px");
            }
        }


        await page.GetByLabel("Sex").SelectOptionAsync("female");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
        // Wait for the new page's own content (a CSV link carrying the filter), not for the "load" event.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("sex=female"), new() { WaitUntil = WaitUntilState.Commit });
        var csv = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Headline numbers.*as CSV") });
        await Assertions.Expect(csv).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/reports/headline\\.csv\\?.*sex=female"));
        await Assertions.Expect(page.GetByLabel("Sex")).ToHaveValueAsync("female");
        await PageChecks.AtDeskAndPhoneWidthsAsync(page, "reports-female");
    }
}
