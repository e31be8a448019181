using KneeSpine.Web.Accounts;

namespace KneeSpine.Web.Hosting;

/// <summary>
/// Headers every response carries: no MIME sniffing, no framing (clickjacking), no referrer leaking
/// patient ids in URLs, and no caching of API answers, which hold health data.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseKneeSpineSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Sent only on HTTPS requests (a TLS-terminating proxy must forward the scheme); never for localhost.
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Pages load only their own stylesheet and script files: no inline script or style, no CDN.
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (AccountsRegistration.IsMachinePath(context.Request.Path))
            {
                headers.CacheControl = "no-store";
            }

            return next(context);
        });
        return app;
    }
}
