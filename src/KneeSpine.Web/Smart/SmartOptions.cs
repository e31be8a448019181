namespace KneeSpine.Web.Smart;

/// <summary><c>KneeSpine:Smart</c>: the EHRs allowed to open KneeSpine with a SMART App Launch (EHR launch).</summary>
public sealed class SmartOptions
{
    public const string Section = "KneeSpine:Smart";

    /// <summary>Each EHR KneeSpine is registered with as a confidential client. Empty: every launch is refused.</summary>
    public IList<SmartEhrOptions> Ehrs { get; } = [];

    /// <summary>How long a launch may wait at the EHR (sign-in, consent) before its callback is refused.</summary>
    public int LaunchLifetimeMinutes { get; set; } = 10;

    /// <summary>How long one call to the EHR (discovery, token, keys, Patient read) may take before the launch answers 503.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Tolerated clock difference with the EHR when checking the id_token's <c>exp</c> and <c>nbf</c>.</summary>
    public int ClockSkewSeconds { get; set; } = 60;

    /// <summary>
    /// The public base URL (<c>https://kneespine.example.org</c>) behind a proxy; the redirect URI registered with the
    /// EHR is this plus <c>/smart/callback</c>. Unset: the URL the request arrived on.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The configured EHR whose issuer is <paramref name="issuer"/> (a trailing slash does not matter); null when none.</summary>
    public SmartEhrOptions? Find(string? issuer) =>
        string.IsNullOrWhiteSpace(issuer) ? null : Ehrs.FirstOrDefault(e => SmartEhrOptions.SameIssuer(e.Issuer, issuer));
}
