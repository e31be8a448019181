using KneeSpine.Store.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KneeSpine.Store.Database;

public static class StoreRegistration
{
    /// <summary>
    /// Registers <see cref="KneeSpineDbContext"/> for the configured provider. The provider is chosen when the
    /// context is first resolved, not now, so configuration added after this call (tests, command line) still counts.
    /// </summary>
    public static IHostApplicationBuilder AddKneeSpineStore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddSingleton<DatabaseOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<DatabaseOptions>>(sp => sp.GetRequiredService<DatabaseOptionsSetup>());
        services.AddSingleton<IValidateOptions<DatabaseOptions>>(sp => sp.GetRequiredService<DatabaseOptionsSetup>());

        // Pooled: a request reuses a context instead of building one with its options and services (the options
        // read only singletons, so one configuration serves every context).
        services.AddDbContextPool<SqliteKneeSpineDbContext>((sp, options) => AppendOnlyAuditInterceptor.AddTo(options
            .UseSqlite(ConnectionString(sp))
            .AddInterceptors(new SqliteConnectionSettings(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqliteSynchronous))));
        services.AddDbContextPool<PostgresKneeSpineDbContext>((sp, options) =>
            AppendOnlyAuditInterceptor.AddTo(options.UseNpgsql(PostgresConnection.WithDefaults(ConnectionString(sp)))));
        services.AddScoped<KneeSpineDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresKneeSpineDbContext>()
                : sp.GetRequiredService<SqliteKneeSpineDbContext>());
        services.AddScoped<ReadStore>();
        services.AddScoped<DatabaseMigrator>();
        // One writer for the process, so concurrent requests' events share a transaction (ADR-060). Each batch
        // borrows a pooled context through a scope of its own.
        services.AddSingleton(sp =>
        {
            var scopes = sp.GetRequiredService<IServiceScopeFactory>();
            return new AuditWriter(async work =>
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    await work(scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>()).ConfigureAwait(false);
                }
            });
        });
        services.AddScoped<DatabaseLock>();
        return builder;
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!;
}
