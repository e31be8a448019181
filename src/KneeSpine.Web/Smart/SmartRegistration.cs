using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Smart;

public static class SmartRegistration
{
    /// <summary>SMART App Launch: options (validated at start), the EHR HTTP client and the launch services. The pages are /smart/launch and /smart/callback.</summary>
    public static IHostApplicationBuilder AddKneeSpineSmart(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmartOptions>()
            .Bind(builder.Configuration.GetSection(SmartOptions.Section))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmartOptions>, SmartOptionsValidation>());
        builder.Services.AddHttpClient(SmartEhrClient.HttpClientName)
            .ConfigureHttpClient((services, client) =>
                client.Timeout = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<SmartOptions>>().Value.TimeoutSeconds));
        builder.Services.AddSingleton<PendingLaunchCookies>();
        builder.Services.AddScoped<SmartEhrClient>();
        builder.Services.AddScoped<SmartIdToken>();
        builder.Services.AddScoped<SmartUserMatcher>();
        builder.Services.AddScoped<SmartPatientMatcher>();
        builder.Services.AddScoped<SmartLaunchFlow>();
        return builder;
    }
}
