using KneeSpine.Web.Accounts;

namespace KneeSpine.Web.Hosting;

/// <summary>
/// Headers every response carries: no MIME sniffing, no framing (clickjacking), no referrer leaking
/// patient ids in URLs, and no caching of API answers, which hold health data.
/// </summary>
internal static class SecurityHeaders
{
    public static WebApplication UseKneeSpineSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (AccountsRegistration.IsMachinePath(context.Request.Path))
            {
                headers.CacheControl = "no-store";
            }

            return next(context);
        });
        return app;
    }
}
