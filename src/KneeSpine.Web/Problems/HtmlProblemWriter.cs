using System.Text.Encodings.Web;
using KneeSpine.Web.Accounts;
using Microsoft.Net.Http.Headers;

namespace KneeSpine.Web.Problems;

/// <summary>
/// Writes a problem as a short, readable HTML page when a browser asks for a page (not <c>/api</c>, <c>/fhir</c>,
/// <c>/cds-services</c> or <c>/health</c>, which keep problem details or their own formats). Used above all when the
/// database is unavailable, so a clinician sees what happened and what to do rather than JSON or a blank page.
/// </summary>
internal sealed class HtmlProblemWriter : IProblemDetailsWriter
{
    private static readonly MediaTypeHeaderValue Html = new("text/html");

    public bool CanWrite(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        if (AccountsRegistration.IsMachinePath(request.Path) || request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return request.GetTypedHeaders().Accept.Any(accepted => accepted.MediaType.Equals(Html.MediaType, StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;
        var encoder = HtmlEncoder.Default;
        var title = encoder.Encode(problem.Title ?? "Something went wrong.");
        var detail = problem.Detail is null ? "" : $"\n<p>{encoder.Encode(problem.Detail)}</p>";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} - KneeSpine</title>
            <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
            <main id="main">
            <h1>{title}</h1>{detail}
            <p>If you need help with back pain now and it may be an emergency, call emergency services.</p>
            <p><a href="/">Back to the start page</a></p>
            </main>
            </body>
            </html>
            """, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
