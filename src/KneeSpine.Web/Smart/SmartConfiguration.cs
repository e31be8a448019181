namespace KneeSpine.Web.Smart;

/// <summary>What KneeSpine needs from an EHR's <c>/.well-known/smart-configuration</c> (and its OpenID configuration when that lacks the issuer or keys).</summary>
/// <param name="OpenIdIssuer">The <c>iss</c> of the EHR's id_tokens.</param>
/// <param name="JwksUri">Where the keys that sign its id_tokens are.</param>
public sealed record SmartConfiguration(Uri AuthorizationEndpoint, Uri TokenEndpoint, string OpenIdIssuer, Uri JwksUri);
