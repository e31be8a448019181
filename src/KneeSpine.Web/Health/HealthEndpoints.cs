using KneeSpine.Web.Problems;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KneeSpine.Web.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddKneeSpineHealth(this IHostApplicationBuilder builder)
    {
        // A probe needs an answer even when the database hangs rather than refuses (the connection string's own timeouts may be longer).
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary><c>/health</c>: the process is up. <c>/health/ready</c>: the database answers too (503 otherwise).</summary>
    public static WebApplication MapKneeSpineHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReadyAsync })
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }

    /// <summary>The default plain status word, plus Retry-After when not ready, as every other database-unavailable answer has.</summary>
    private static Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Unhealthy)
        {
            DatabaseUnavailable.AddRetryAfter(context.Response);
        }

        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString(), context.RequestAborted);
    }
}
