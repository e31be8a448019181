using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KneeSpine.Web.Smart;

/// <summary>
/// Checks the EHR's id_token (Microsoft.IdentityModel): signed by a key of the EHR's JWKS, from the EHR's issuer, for
/// this client, within its lifetime by KneeSpine's clock, and carrying the launch's nonce. Gives its <c>fhirUser</c>.
/// </summary>
public sealed class SmartIdToken(SmartEhrClient ehrClient, TimeProvider time, IOptions<SmartOptions> options)
{
    public async Task<string?> FhirUserAsync(string? idToken, SmartEhrOptions ehr, PendingLaunch launch, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(idToken))
        {
            throw new SmartLaunchRefusedException("The EHR sent no identity token, so the clinician cannot be identified.", "no id_token");
        }

        var keys = await ehrClient.KeysAsync(launch.JwksUri, cancellationToken).ConfigureAwait(false);
        var skew = TimeSpan.FromSeconds(options.Value.ClockSkewSeconds);
        var now = time.GetUtcNow().UtcDateTime;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = launch.OpenIdIssuer,
            ValidAudience = ehr.ClientId,
            IssuerSigningKeys = keys.GetSigningKeys(),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            // KneeSpine's clock (TimeProvider), not the machine's, decides.
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } exp && exp + skew >= now && (notBefore is not { } nbf || nbf - skew <= now),
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw new SmartLaunchRefusedException(
                "The EHR's identity token could not be trusted. Open KneeSpine from the EHR again.",
                "id_token rejected: " + (result.Exception?.GetType().Name ?? "invalid"));
        }

        var nonce = result.Claims.TryGetValue("nonce", out var value) ? value as string : null;
        if (!string.Equals(nonce, launch.Nonce, StringComparison.Ordinal))
        {
            throw new SmartLaunchRefusedException(
                "The EHR's identity token was not issued for this launch. Open KneeSpine from the EHR again.", "id_token nonce does not match");
        }

        return result.Claims.TryGetValue("fhirUser", out var fhirUser) ? fhirUser as string : null;
    }
}
