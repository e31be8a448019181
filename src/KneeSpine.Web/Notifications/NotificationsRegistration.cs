using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Notifications;

public static class NotificationsRegistration
{
    public static IHostApplicationBuilder AddKneeSpineNotifications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CareTeamOptions>()
            .Bind(builder.Configuration.GetSection(CareTeamOptions.Section))
            .Configure(o => o.PublicBaseUrl ??= builder.Configuration[CareTeamOptions.PublicBaseUrlKey])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CareTeamOptions>, CareTeamOptionsValidator>();
        services.AddOptions<SmtpOptions>().Bind(builder.Configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddHttpClient(WebhookPoster.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookPoster.CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value));
        services.AddSingleton<WebhookPoster>();
        services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddScoped<ICareTeamNotifier, CareTeamNotifier>();
        services.AddSingleton<OutboxNode>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService<OutboxSenderService>();
        return builder;
    }
}
