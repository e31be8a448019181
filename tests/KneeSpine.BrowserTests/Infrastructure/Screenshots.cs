using Microsoft.Playwright;

namespace KneeSpine.BrowserTests.Infrastructure;

/// <summary>Full-page screenshots of the main pages, kept as test output in TestResults/screenshots.</summary>
public static class Screenshots
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(
        Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    public static Task SaveAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = fullPage });
}
