namespace KneeSpine.Web.Smart;

/// <summary>One EHR (<c>KneeSpine:Smart:Ehrs:N</c>): its FHIR base URL, KneeSpine's client registration there, and how its users map to accounts.</summary>
public sealed class SmartEhrOptions
{
    /// <summary>The EHR's FHIR base URL, exactly what it sends as <c>iss</c> (https; plain http only on loopback).</summary>
    public Uri? Issuer { get; set; }

    public string ClientId { get; set; } = "";

    /// <summary>For <c>client_secret_basic</c>. Set this or <see cref="PrivateKeyPath"/>, not both.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A PEM private key (RSA or P-384) for <c>private_key_jwt</c>; its public key is registered with the EHR.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The <c>kid</c> of <see cref="PrivateKeyPath"/> as registered with the EHR (its JWKS); optional.</summary>
    public string? PrivateKeyId { get; set; }

    /// <summary>
    /// The <c>Identifier.system</c> that names this EHR's patients (its MRN system). Unset: the first identifier with
    /// both a system and a value.
    /// </summary>
    public string? PatientIdentifierSystem { get; set; }

    /// <summary>How the EHR user (<c>fhirUser</c>) becomes a KneeSpine account.</summary>
    public SmartUserMapping UserMapping { get; set; } = new();

    internal static bool SameIssuer(Uri? configured, string issuer) =>
        configured is not null && string.Equals(configured.AbsoluteUri.TrimEnd('/'), issuer.TrimEnd('/'), StringComparison.Ordinal);
}
