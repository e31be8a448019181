namespace KneeSpine.Web.CdsHooks;

/// <summary><c>KneeSpine:CdsHooks</c>: the EHRs allowed to call the CDS Hooks service, and how their JWTs are checked.</summary>
public sealed class CdsHooksOptions
{
    public const string Section = "KneeSpine:CdsHooks";

    /// <summary>Each EHR: its JWT issuer and where its public keys are.</summary>
    public IList<CdsClientOptions> Clients { get; } = [];

    /// <summary>Tolerated clock difference with an EHR when checking <c>exp</c>, <c>nbf</c> and <c>iat</c>.</summary>
    public int ClockSkewSeconds { get; set; } = 60;

    /// <summary>How long a call to an EHR's FHIR server (no prefetch) may take before the hook answers 412.</summary>
    public int FhirServerTimeoutSeconds { get; set; } = 5;

    /// <summary>How often the ids of expired JWTs are deleted, in the background (ADR-121).</summary>
    public int PurgeEveryMinutes { get; set; } = 10;

    /// <summary>
    /// The public base URL (<c>https://kneespine.example.org</c>) when KneeSpine runs behind a proxy; the JWT <c>aud</c>
    /// is this plus the service path. Unset: the URL the request arrived on.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
