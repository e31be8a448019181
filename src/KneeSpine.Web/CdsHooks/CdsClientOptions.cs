namespace KneeSpine.Web.CdsHooks;

/// <summary>One EHR allowed to call: its JWT <c>iss</c> and its JWKS (a file or an https URL, exactly one).</summary>
public sealed class CdsClientOptions
{
    public string Issuer { get; set; } = "";

    public string? JwksPath { get; set; }

    public Uri? JwksUrl { get; set; }
}
