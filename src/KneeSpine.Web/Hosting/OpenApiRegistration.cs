using Microsoft.OpenApi;

namespace KneeSpine.Web.Hosting;

public static class OpenApiRegistration
{
    public static IHostApplicationBuilder AddKneeSpineOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "KneeSpine API",
                Version = "v1",
                Description = "Back pain after knee replacement: evaluate and store follow-up assessments. "
                    + "KneeSpine supports, and does not replace, clinical judgement. "
                    + "Authenticate with `Authorization: Bearer <personal access token>` (kneespine token create).",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token (kneespine token create, or the account page).",
            };
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The document at <c>/openapi/v1.json</c>.</summary>
    public static WebApplication MapKneeSpineOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
