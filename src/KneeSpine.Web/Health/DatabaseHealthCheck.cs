using KneeSpine.Store.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KneeSpine.Web.Health;

/// <summary>Ready means the database answers.</summary>
internal sealed class DatabaseHealthCheck(KneeSpineDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", exception);
        }
    }
}
