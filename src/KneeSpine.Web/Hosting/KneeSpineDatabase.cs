using KneeSpine.Store.Database;
using KneeSpine.Web.Accounts;

namespace KneeSpine.Web.Hosting;

/// <summary>Brings the database up to date: migrations, roles, first admin. Safe to run at every start.</summary>
public static class KneeSpineDatabase
{
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var provider = scope.ServiceProvider;
            await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
            await provider.GetRequiredService<AccountAdministration>().EnsureRolesAsync().ConfigureAwait(false);
            await provider.GetRequiredService<AdminBootstrapper>().BootstrapAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
