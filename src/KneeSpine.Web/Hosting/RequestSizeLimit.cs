using Microsoft.AspNetCore.Http.Features;

namespace KneeSpine.Web.Hosting;

/// <summary>
/// One ceiling for every request body (1 MiB): larger ones get 413 before any endpoint reads them. Routes that
/// read raw bodies keep their own, smaller cap (an assessment is at most 64 KiB).
/// </summary>
internal static class RequestSizeLimit
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static WebApplication UseKneeSpineRequestSizeLimit(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // Bodies without a declared length: the server stops reading at the ceiling (Kestrel's 413 reaches the exception handler).
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = MaxBodyBytes;
            }

            if (context.Request.ContentLength > MaxBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                // Under /fhir this problem is written as an OperationOutcome (FhirProblemDetailsWriter).
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "The request body is too large.",
                        Detail = $"Request bodies are at most {MaxBodyBytes / 1024} KiB.",
                    },
                }).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }
}
