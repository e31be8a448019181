using System.Text.Encodings.Web;
using KneeSpine.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Net.Http.Headers;

namespace KneeSpine.Web.Problems;

/// <summary>
/// Writes a problem as a page in the site's layout (<c>ProblemPage.cshtml</c>) when a browser asks for a page (not
/// <c>/api</c>, <c>/fhir</c>, <c>/cds-services</c> or <c>/health</c>, which keep problem details or their own formats).
/// Status code pages (404, 403, 400) and the exception handler (500, 503) both come here, so every error a person sees
/// says what happened, keeps the header and navigation, and offers a way on.
/// </summary>
/// <remarks>
/// The page is rendered to a buffer first. The layout itself needs the database for a clinician's navigation, so when
/// the database is what failed, the layout can fail too: then a plain page without it is written instead.
/// </remarks>
internal sealed partial class HtmlProblemWriter(ILogger<HtmlProblemWriter> logger) : IProblemDetailsWriter
{
    private const string ViewPath = "/Problems/ProblemPage.cshtml";
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
        var http = context.HttpContext;
        var response = http.Response;
        var page = ProblemPage.For(response.StatusCode, context.ProblemDetails.Detail, http.User.Identity?.IsAuthenticated == true);
        string html;
        try
        {
            html = await RenderAsync(http, page).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLayoutFailed(logger, exception, page.Status);
            html = Plain(page);
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<string> RenderAsync(HttpContext http, ProblemPage page)
    {
        var services = http.RequestServices;
        var actionContext = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
        var found = services.GetRequiredService<ICompositeViewEngine>().GetView(executingFilePath: null, ViewPath, isMainPage: true);
        var view = found.View ?? throw new InvalidOperationException($"The error page view {ViewPath} was not found.");
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var viewData = new ViewDataDictionary<ProblemPage>(services.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary()) { Model = page };
        var tempData = new TempDataDictionary(http, services.GetRequiredService<ITempDataProvider>());
        var viewContext = new ViewContext(actionContext, view, viewData, tempData, writer, new HtmlHelperOptions());
        await view.RenderAsync(viewContext).ConfigureAwait(false);
        return writer.ToString();
    }

    private static string Plain(ProblemPage page)
    {
        var encoder = HtmlEncoder.Default;
        var detail = page.Detail is null ? "" : $"\n<p>{encoder.Encode(page.Detail)}</p>";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{encoder.Encode(page.Title)} - KneeSpine</title>
            <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
            <main id="main" class="site-main">
            <h1>{encoder.Encode(page.Title)}</h1>
            <p>{encoder.Encode(page.Lead)}</p>{detail}
            <p>If you need help with back pain now and it may be an emergency, call emergency services.</p>
            <p><a href="/">Go to the start page</a></p>
            </main>
            <footer class="site-footer"><p class="disclaimer">KneeSpine supports, and does not replace, clinical judgement.</p></footer>
            </body>
            </html>
            """;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The error page for status {Status} could not use the site layout; a plain page was sent")]
    private static partial void LogLayoutFailed(ILogger logger, Exception exception, int status);
}
