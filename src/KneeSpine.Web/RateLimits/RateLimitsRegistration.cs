using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.RateLimits;

/// <summary>Rate limits on sign-in and token creation (429 problem details, shared with the evaluate limit).</summary>
public static class RateLimitsRegistration
{
    public const string LoginPolicy = "login";
    public const string TokenPolicy = "token-create";

    public static IHostApplicationBuilder AddKneeSpineRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(options =>
        {
            // Only the form posts count: reading the sign-in or account page is free.
            options.AddPolicy(LoginPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return Window("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), settings.LoginPermitLimit, settings.LoginWindowSeconds);
            });
            options.AddPolicy(TokenPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method)
                    || !string.Equals(context.Request.Query["handler"], "create", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return Window("user:" + (context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), settings.TokenPermitLimit, settings.TokenWindowSeconds);
            });
        });
        return builder;
    }

    private static RateLimitPartition<string> Window(string key, int permits, int seconds) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(seconds),
            QueueLimit = 0,
        });
}
