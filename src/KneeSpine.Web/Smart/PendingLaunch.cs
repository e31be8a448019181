using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace KneeSpine.Web.Smart;

/// <summary>
/// A launch sent to the EHR to authorize, kept in the browser (protected, <see cref="PendingLaunchCookies"/>) until the
/// callback: the <c>state</c> that must come back, the <c>nonce</c> the id_token must carry, the PKCE verifier, and the
/// EHR endpoints found at discovery.
/// </summary>
public sealed record PendingLaunch(
    string Issuer,
    string State,
    string Nonce,
    string CodeVerifier,
    Uri RedirectUri,
    Uri TokenEndpoint,
    string OpenIdIssuer,
    Uri JwksUri,
    DateTimeOffset StartedAt)
{
    /// <summary>A new launch with fresh random state, nonce and PKCE verifier (256 bits each).</summary>
    public static PendingLaunch Start(string issuer, SmartConfiguration configuration, Uri redirectUri, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(issuer, Random(), Random(), Random(), redirectUri, configuration.TokenEndpoint, configuration.OpenIdIssuer, configuration.JwksUri, now);
    }

    /// <summary>The PKCE S256 challenge of <see cref="CodeVerifier"/> (RFC 7636).</summary>
    public string CodeChallenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));

    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
