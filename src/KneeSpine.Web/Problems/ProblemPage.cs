namespace KneeSpine.Web.Problems;

/// <summary>What an error page says: a heading that names what happened, what it means, and where to go next.</summary>
/// <param name="Status">The HTTP status code, kept on the response.</param>
/// <param name="Title">The heading, e.g. "Page not found".</param>
/// <param name="Lead">One or two plain sentences on what happened.</param>
/// <param name="Detail">The problem's own detail when it helps (how long to wait when the database is down).</param>
/// <param name="SignedIn">Whether the visitor is signed in (a refused visitor who is not is offered the sign-in page).</param>
public sealed record ProblemPage(int Status, string Title, string Lead, string? Detail, bool SignedIn)
{
    /// <summary>The page for a status code.</summary>
    public static ProblemPage For(int status, string? detail, bool signedIn) => status switch
    {
        StatusCodes.Status404NotFound => new(status, "Page not found",
            "There is no page at this address. If you typed it, check it. If you followed a link, the page may have moved or been removed.", null, signedIn),
        StatusCodes.Status403Forbidden => new(status, "You do not have access to this page",
            signedIn ? "Your account cannot open this page. If you think it should, ask your clinic's administrator." : "Sign in to see this page.", null, signedIn),
        StatusCodes.Status401Unauthorized => new(status, "Please sign in", "Sign in to see this page.", null, signedIn),
        StatusCodes.Status400BadRequest => new(status, "We could not accept that",
            "The page could not use what was sent. If you sent a form, it may have been open too long. Go back, reload the page and try again.", detail, signedIn),
        StatusCodes.Status429TooManyRequests => new(status, "Too many tries", "Please wait a minute, then try again.", null, signedIn),
        StatusCodes.Status503ServiceUnavailable => new(status, "The service is not available right now",
            "KneeSpine cannot reach its records just now. Nothing you sent has been lost or half saved.", detail, signedIn),
        >= 500 => new(status, "Sorry, there is a problem with the service",
            "There is a fault on our side, not yours. Nothing you sent was half saved. Please try again later.", null, signedIn),
        _ => new(status, "We could not open this page", "Go back and try again.", detail, signedIn),
    };
}
