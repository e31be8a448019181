using Microsoft.Extensions.Options;

namespace KneeSpine.Web.FollowUps;

public static class FollowUpsRegistration
{
    public static IHostApplicationBuilder AddKneeSpineFollowUps(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(FollowUpOptions.Section);
        builder.Services.AddOptions<FollowUpOptions>()
            .Bind(section)
            // The binder appends configured list items to the defaults; configured days replace them instead.
            .PostConfigure(o =>
            {
                if (section.GetSection(nameof(FollowUpOptions.Days)).Get<int[]>() is { Length: > 0 } days)
                {
                    o.Days = days;
                }
            })
            .Configure(o => o.PublicBaseUrl ??= builder.Configuration["KneeSpine:PublicBaseUrl"])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<FollowUpOptions>, FollowUpOptionsValidation>();
        builder.Services.AddSingleton<FollowUpCalendar>();
        builder.Services.AddScoped<FollowUpService>();
        builder.Services.AddScoped<FollowUpReminders>();
        builder.Services.AddHostedService<FollowUpReminderService>();
        return builder;
    }
}
