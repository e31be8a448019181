using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KneeSpine.Web.Notifications;

public static class NotificationsRegistration
{
    public static IHostApplicationBuilder AddKneeSpineNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CareTeamOptions>()
            .Bind(builder.Configuration.GetSection(CareTeamOptions.Section))
            .Configure(o => o.PublicBaseUrl ??= builder.Configuration["KneeSpine:PublicBaseUrl"])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddScoped<ICareTeamNotifier, CareTeamNotifier>();
        return builder;
    }
}
