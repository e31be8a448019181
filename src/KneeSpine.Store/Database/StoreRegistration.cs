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
            AppendOnlyAuditInterceptor.AddTo(options.UseNpgsql(ConnectionString(sp))));
        services.AddScoped<KneeSpineDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresKneeSpineDbContext>()
                : sp.GetRequiredService<SqliteKneeSpineDbContext>());
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped(sp => new AuditWriter(() => NewContext(sp)));
        services.AddScoped<DatabaseLock>();
        return builder;
    }

    /// <summary>A context of the configured provider that nothing else shares (the caller disposes it).</summary>
    private static KneeSpineDbContext NewContext(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
            ? new PostgresKneeSpineDbContext(services.GetRequiredService<DbContextOptions<PostgresKneeSpineDbContext>>())
            : new SqliteKneeSpineDbContext(services.GetRequiredService<DbContextOptions<SqliteKneeSpineDbContext>>());

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!;
}
