using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace KneeSpine.BrowserTests.Infrastructure;

/// <summary>Checks every main page gets: axe finds nothing serious or critical, and nothing scrolls sideways on a phone.</summary>
public static class PageChecks
{
    public static async Task NoSeriousAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(serious.Length == 0, $"{page.Url}: " + string.Join("\n", serious.Select(Describe)));
    }

    /// <summary>No console errors so far: in particular the Content-Security-Policy blocked nothing.</summary>
    public static void NoConsoleErrors() =>
        Assert.True(Ui.ConsoleErrors.IsEmpty, string.Join("\n", Ui.ConsoleErrors));

    /// <summary>At the page's current viewport the document is no wider than the window.</summary>
    public static async Task NoHorizontalOverflowAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1])
        {
            // Names the elements that stick out (innermost first), so the failure says what to fix.
            var culprits = await page.EvaluateAsync<string[]>(
                """
                () => {
                  const out = e => e.getBoundingClientRect().right > window.innerWidth + 0.5;
                  // Inside a scrolling region only what escapes it counts (absolutely positioned text can).
                  const scrolled = e => e.parentElement?.closest('.table-scroll') && getComputedStyle(e).position !== 'absolute';
                  const wide = [...document.querySelectorAll('body *')].filter(e => out(e) && !scrolled(e));
                  return wide.filter(e => !wide.some(o => o !== e && e.contains(o))).slice(0, 5)
                    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} ends at ${Math.round(e.getBoundingClientRect().right)}px`);
                }
                """);
            Assert.Fail($"{page.Url} is {widths[0]}px wide in a {widths[1]}px window: " + string.Join("; ", culprits));
        }
    }

    /// <summary>
    /// Every visible field a person types or picks in (text-like inputs, selects, text areas) is at least 44 px tall
    /// (WCAG 2.5.5's target size; the design uses 48). An input type the stylesheet forgot renders as the browser's
    /// small default box, as the phone field once did.
    /// </summary>
    public static async Task FieldsAreTouchSizedAsync(IPage page)
    {
        var small = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('input, select, textarea')]
              .filter(e => !['hidden', 'checkbox', 'radio', 'submit', 'button', 'image', 'reset'].includes(e.type))
              .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
              .filter(e => e.getBoundingClientRect().height < 44)
              .map(e => `${e.tagName.toLowerCase()}[type=${e.type}]#${e.id} is ${Math.round(e.getBoundingClientRect().height)}px tall`)
            """);
        Assert.True(small.Length == 0, $"{page.Url}: " + string.Join("; ", small));
    }

    /// <summary>
    /// Each text of the chart lies inside the chart's own box, in page pixels: a label past the SVG's edge is clipped
    /// (a long label once lost its first letter). Returns the number of texts checked.
    /// </summary>
    public static async Task<int> ChartTextInsideAsync(ILocator chart, string context)
    {
        var texts = await chart.EvaluateAsync<string[]>(
            """
            svg => {
              const box = svg.getBoundingClientRect();
              return [...svg.querySelectorAll('text')].map(t => {
                const r = t.getBoundingClientRect();
                const out = r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
                return out ? `"${t.textContent}" spans ${Math.round(r.left)}-${Math.round(r.right)} of ${Math.round(box.left)}-${Math.round(box.right)}` : '';
              });
            }
            """);
        var outside = texts.Where(t => t.Length > 0).ToArray();
        Assert.True(outside.Length == 0, $"{context}: " + string.Join("; ", outside));
        return texts.Length;
    }

    /// <summary>axe, no sideways scrolling and touch-sized fields at a desk's (1366 px) and a phone's (390 px) width, a screenshot of each, and no console errors.</summary>
    public static async Task AtDeskAndPhoneWidthsAsync(IPage page, string name)
    {
        foreach (var (width, suffix) in new[] { (1366, "-1366"), (390, "-390") })
        {
            await page.SetViewportSizeAsync(width, 900);
            await NoSeriousAccessibilityViolationsAsync(page);
            await NoHorizontalOverflowAsync(page);
            await FieldsAreTouchSizedAsync(page);
            await Screenshots.SaveAsync(page, name + suffix);
        }

        NoConsoleErrors();
        await page.SetViewportSizeAsync(1366, 900);
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help} at " +
        string.Join(", ", violation.Nodes.Take(3).Select(n => n.Target.ToString()));
}
