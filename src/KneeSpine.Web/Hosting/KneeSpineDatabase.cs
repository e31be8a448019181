using KneeSpine.Store.Database;
using KneeSpine.Web.Accounts;

namespace KneeSpine.Web.Hosting;

/// <summary>Brings the database up to date: migrations, roles and (for the server) the first admin. Safe to run at every start.</summary>
public static class KneeSpineDatabase
{
    // Any fixed number; PostgreSQL advisory locks are shared by everything on the server, so it is specific to this use.
    private const long StartupLockKey = 0x4B53_5354_4152_5455;

    /// <summary>
    /// Runs the start-up steps under a database lock, so nodes that start together on one PostgreSQL database take turns:
    /// otherwise both would create the roles, the first admin or the first Data Protection key, and one would fail or
    /// keep a key the other does not know (ADR-056).
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="bootstrapAdmin">Whether to create the first admin from the environment; the server does, CLI account commands do not.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="then">More start-up work for the same turn (the server's key ring and demo data), with the scope's services.</param>
    public static async Task PrepareAsync(
        IServiceProvider services, bool bootstrapAdmin, CancellationToken cancellationToken, Func<IServiceProvider, CancellationToken, Task>? then = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var lockScope = services.CreateAsyncScope();
        await using (lockScope.ConfigureAwait(false))
        {
            await lockScope.ServiceProvider.GetRequiredService<DatabaseLock>().RunAsync(StartupLockKey, async cancel =>
            {
                var scope = services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var provider = scope.ServiceProvider;
                    await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancel).ConfigureAwait(false);
                    await provider.GetRequiredService<AccountAdministration>().EnsureRolesAsync().ConfigureAwait(false);
                    if (bootstrapAdmin)
                    {
                        await provider.GetRequiredService<AdminBootstrapper>().BootstrapAsync(cancel).ConfigureAwait(false);
                    }

                    if (then is not null)
                    {
                        await then(provider, cancel).ConfigureAwait(false);
                    }
                }
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
