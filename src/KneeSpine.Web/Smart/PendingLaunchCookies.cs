using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Smart;

/// <summary>
/// Keeps a <see cref="PendingLaunch"/> in a cookie named after its state, encrypted and signed with Data Protection, so
/// the callback is accepted only in the browser that started the launch and several launches (tabs) do not clash (ADR-125).
/// </summary>
public sealed class PendingLaunchCookies(IDataProtectionProvider protection, IOptions<SmartOptions> options)
{
    private const string Prefix = "KneeSpine.Smart.";
    private const string CookiePath = "/smart";

    private readonly IDataProtector _protector = protection.CreateProtector("KneeSpine.Smart.PendingLaunch");

    public void Save(HttpContext context, PendingLaunch launch) =>
        context.Response.Cookies.Append(Prefix + launch.State, _protector.Protect(JsonSerializer.Serialize(launch)), Cookie(context));

    /// <summary>The launch whose state is <paramref name="state"/>, removed from the browser; null when this browser started none.</summary>
    public PendingLaunch? Take(HttpContext context, string? state)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 128 || !state.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var name = Prefix + state;
        if (context.Request.Cookies[name] is not { } value)
        {
            return null;
        }

        context.Response.Cookies.Delete(name, Cookie(context));
        try
        {
            var launch = JsonSerializer.Deserialize<PendingLaunch>(_protector.Unprotect(value));
            // The name could be copied onto another launch's value; the value itself must carry the state.
            return launch?.State == state ? launch : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException)
        {
            return null;
        }
    }

    // Lax: the EHR's redirect back is a top-level GET from another site, which Strict would strip.
    private CookieOptions Cookie(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = CookiePath,
        MaxAge = TimeSpan.FromMinutes(options.Value.LaunchLifetimeMinutes),
        IsEssential = true,
    };
}
