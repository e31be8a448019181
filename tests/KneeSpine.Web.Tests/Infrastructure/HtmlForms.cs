using System.Net;
using System.Text.RegularExpressions;

namespace KneeSpine.Web.Tests.Infrastructure;

/// <summary>What a test needs from a rendered form.</summary>
public static partial class HtmlForms
{
    /// <summary>The hidden antiforgery field of the first form in <paramref name="html"/>.</summary>
    public static string AntiforgeryToken(string html) =>
        AntiforgeryInput().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
