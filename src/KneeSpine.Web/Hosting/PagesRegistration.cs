namespace KneeSpine.Web.Hosting;

public static class PagesRegistration
{
    /// <summary>Razor Pages: every page needs a signed-in user unless it opts out (the login page does).</summary>
    public static IHostApplicationBuilder AddKneeSpinePages(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        // Like the sign-in cookie: Secure whenever the request came over HTTPS (plain HTTP only on a loopback dev server).
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
        }).AddMvcOptions(options => options.Filters.Add(new Assessments.Forms.FormPostsOnly()));
        return builder;
    }

    public static WebApplication MapKneeSpinePages(this WebApplication app)
    {
        var manifest = StaticAssetsManifest.PathFor(app.Environment);
        app.MapStaticAssets(manifest);
        app.MapRazorPages().WithStaticAssets(manifest);
        return app;
    }
}
