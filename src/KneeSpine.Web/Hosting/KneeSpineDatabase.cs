using KneeSpine.Store.Database;
using KneeSpine.Web.Accounts;

namespace KneeSpine.Web.Hosting;

/// <summary>Brings the database up to date: migrations, roles and (for the server) the first admin. Safe to run at every start.</summary>
public static class KneeSpineDatabase
{
    /// <param name="services">The app's services.</param>
    /// <param name="bootstrapAdmin">Whether to create the first admin from the environment; the server does, CLI account commands do not.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public static async Task PrepareAsync(IServiceProvider services, bool bootstrapAdmin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var provider = scope.ServiceProvider;
            await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
            await provider.GetRequiredService<AccountAdministration>().EnsureRolesAsync().ConfigureAwait(false);
            if (bootstrapAdmin)
            {
                await provider.GetRequiredService<AdminBootstrapper>().BootstrapAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
