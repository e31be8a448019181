using System.ComponentModel.DataAnnotations;

namespace KneeSpine.Web.RateLimits;

/// <summary>
/// The <c>KneeSpine:RateLimits</c> section: sign-in attempts per address and new personal access tokens per account.
/// Anonymous evaluation has its own section (<c>KneeSpine:Evaluate</c>).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "KneeSpine:RateLimits";

    /// <summary>Sign-in form posts allowed per client address per window; account lockout still applies on top.</summary>
    [Range(1, 100_000)]
    public int LoginPermitLimit { get; set; } = 20;

    [Range(1, 86_400)]
    public int LoginWindowSeconds { get; set; } = 60;

    /// <summary>Personal access tokens one account may create per window.</summary>
    [Range(1, 100_000)]
    public int TokenPermitLimit { get; set; } = 10;

    [Range(1, 86_400)]
    public int TokenWindowSeconds { get; set; } = 3600;
}
