using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KneeSpine.Web.Hosting;

public static class OptionsRegistration
{
    public static IHostApplicationBuilder AddKneeSpineOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KneeSpineOptions>()
            .Bind(builder.Configuration.GetSection(KneeSpineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
