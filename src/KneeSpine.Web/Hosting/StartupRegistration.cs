using KneeSpine.Web.Demo;

namespace KneeSpine.Web.Hosting;

public static class StartupRegistration
{
    /// <summary>Migrations, roles, the first admin and (with <c>--demo</c>) demo patients, before the first request.</summary>
    public static IHostApplicationBuilder AddKneeSpineStartup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<CohortGenerator>();
        builder.Services.AddHostedService<StartupInitializer>();
        return builder;
    }
}
