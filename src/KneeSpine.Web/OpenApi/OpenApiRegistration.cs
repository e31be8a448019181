using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace KneeSpine.Web.OpenApi;

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
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[AssessmentInputSchema.Name] = AssessmentInputSchema.Create();
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>Endpoints whose body is assessment input JSON, read by the engine rather than bound, declare it with this.</summary>
    public static RouteHandlerBuilder AcceptsAssessmentInput(this RouteHandlerBuilder endpoint) =>
        endpoint.Accepts<JsonObject>("application/json").AddOpenApiOperationTransformer((operation, context, _) =>
        {
            if (operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var json))
            {
                json.Schema = new OpenApiSchemaReference(AssessmentInputSchema.Name, context.Document);
            }

            return Task.CompletedTask;
        });

    /// <summary>The document at <c>/openapi/v1.json</c>.</summary>
    public static WebApplication MapKneeSpineOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
