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

        services.AddDbContext<SqliteKneeSpineDbContext>((sp, options) => options
            .UseSqlite(ConnectionString(sp))
            .AddInterceptors(new SqliteConnectionSettings(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqliteSynchronous)));
        services.AddDbContext<PostgresKneeSpineDbContext>((sp, options) =>
            options.UseNpgsql(ConnectionString(sp)));
        services.AddScoped<KneeSpineDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresKneeSpineDbContext>()
                : sp.GetRequiredService<SqliteKneeSpineDbContext>());
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<DatabaseLock>();
        return builder;
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!;
}
