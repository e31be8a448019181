using KneeSpine.Web.Audit;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.CdsHooks;

/// <summary>Refuses a CDS Hooks call without a valid EHR JWT (401); the issuer of a valid one is kept for the endpoint.</summary>
internal sealed class CdsJwtFilter : IEndpointFilter
{
    public const string IssuerItem = "KneeSpine.CdsHooks.Issuer";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var validator = http.RequestServices.GetRequiredService<CdsJwtValidator>();
        var options = http.RequestServices.GetRequiredService<IOptions<CdsHooksOptions>>().Value;
        var (issuer, problem) = await validator.ValidateAsync(http.Request, Audiences(http.Request, options), http.RequestAborted).ConfigureAwait(false);
        if (issuer is null)
        {
            http.Audit().Deny("EHR token refused: " + problem);
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The CDS client is not trusted.", detail: problem);
        }

        http.Items[IssuerItem] = issuer;
        return await next(context).ConfigureAwait(false);
    }

    /// <summary>The called URL; for feedback also the service URL, which some EHRs use as the audience of every call to a service.</summary>
    internal static IReadOnlyList<string> Audiences(HttpRequest request, CdsHooksOptions options)
    {
        var root = options.PublicBaseUrl is { } configured
            ? configured.AbsoluteUri.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
        var called = root + request.Path;
        const string feedback = "/feedback";
        return called.EndsWith(feedback, StringComparison.Ordinal) ? [called, called[..^feedback.Length]] : [called];
    }
}
