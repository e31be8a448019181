using KneeSpine.Fhir.CdsHooks;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Audit;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.CdsHooks;

/// <summary>CDS Hooks 2.0 under <c>/cds-services</c>: discovery is public, the service and its feedback need the EHR's JWT (ADR-041).</summary>
public static class CdsHooksApi
{
    public static IHostApplicationBuilder AddKneeSpineCdsHooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CdsHooksOptions>()
            .Bind(builder.Configuration.GetSection(CdsHooksOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<CdsHooksOptions>, CdsHooksOptionsValidation>();
        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient(CdsClientKeys.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHttpClient(EhrFhirServer.HttpClientName)
            .ConfigureHttpClient((services, client) =>
            {
                client.Timeout = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<CdsHooksOptions>>().Value.FhirServerTimeoutSeconds);
                client.MaxResponseContentBufferSize = EhrFhirServer.MaxResponseBytes;
            })
            // A redirect could lead anywhere, past the allow-list: the configured URL answers itself or not at all.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddScoped<EhrFhirServer>();
        builder.Services.AddSingleton<CdsClientKeys>();
        builder.Services.AddScoped<CdsJwtValidator>();
        builder.Services.AddScoped<CdsServiceHandler>();
        builder.Services.AddScoped<CdsFeedbackStore>();
        builder.Services.AddHostedService<CdsTokenUsePurge>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder app)
    {
        var cds = app.MapGroup("/cds-services").WithTags("CDS Hooks").AllowAnonymous();
        cds.MapGet("/", () => new CdsJsonResult(CdsHooksJson.Serialize(CdsServiceDiscovery.Build())))
            .WithSummary("CDS Hooks discovery (public)");

        var service = cds.MapGroup("/" + CdsServiceDiscovery.ServiceId).AddEndpointFilter<CdsJwtFilter>();
        service.MapPost("/", (HttpRequest request, CdsServiceHandler handler, CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken))
            .Audited(AuditAction.CdsPatientView)
            .WithSummary("patient-view: cards from the patient's latest KneeSpine assessment (EHR JWT required)");
        service.MapPost("/feedback", (HttpRequest request, CdsFeedbackStore store, CancellationToken cancellationToken) => store.HandleAsync(request, cancellationToken))
            .Audited(AuditAction.CdsFeedback)
            .WithSummary("Card feedback (EHR JWT required); the same card and outcome is stored once");
        return app;
    }
}
