using Microsoft.AspNetCore.Authorization;

namespace KneeSpine.Web.Audit;

/// <summary>The audit trail of HTTP requests (ADR-050): one event per audited request, written by <see cref="AuditMiddleware"/>.</summary>
public static class AuditRegistration
{
    public static IHostApplicationBuilder AddKneeSpineAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>Call after routing (the endpoint's metadata) and before authentication (to see every refusal).</summary>
    public static IApplicationBuilder UseKneeSpineAudit(this IApplicationBuilder app) => app.UseMiddleware<AuditMiddleware>();
}
