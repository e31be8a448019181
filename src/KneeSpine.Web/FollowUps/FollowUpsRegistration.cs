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
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<FollowUpOptions>, FollowUpOptionsValidation>();
        return builder;
    }
}
