using KneeSpine.Store.CdsHooks;
using KneeSpine.Store.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KneeSpine.Web.CdsHooks;

/// <summary>
/// Checks the EHR's JWT on every CDS Hooks call (CDS Hooks 2.0, "Trusting CDS Clients"): asymmetric signature
/// (ES384 or RS384) by a configured issuer's key, <c>aud</c> = the called URL, <c>exp</c> in the future,
/// <c>iat</c> and <c>jti</c> present, and the <c>jti</c> never seen before (ADR-041).
/// </summary>
internal sealed class CdsJwtValidator(CdsClientKeys keys, KneeSpineDbContext db, TimeProvider time, IOptions<CdsHooksOptions> options, ILogger<CdsJwtValidator> logger)
{
    public static readonly string[] Algorithms = [SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSha384];

    private const string BearerPrefix = "Bearer ";

    /// <summary>The issuer of a valid token, or why the call is refused.</summary>
    public async Task<(string? Issuer, string? Problem)> ValidateAsync(HttpRequest request, IReadOnlyList<string> audiences, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return (null, "A CDS Hooks call must carry the EHR's JWT as Authorization: Bearer.");
        }

        var handler = new JsonWebTokenHandler();
        JsonWebToken token;
        try
        {
            token = handler.ReadJsonWebToken(header[BearerPrefix.Length..].Trim());
        }
        catch (ArgumentException)
        {
            return (null, "The bearer token is not a JWT.");
        }

        // Checked before anything else: alg none and HMAC (a shared secret, or the public key misused as one) are never acceptable.
        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return (null, $"JWT alg '{token.Alg}' is not accepted; use ES384 or RS384.");
        }

        var client = keys.Find(token.Issuer);
        if (client is null)
        {
            return (null, "The JWT issuer is not a configured CDS client.");
        }

        IList<SecurityKey> signingKeys;
        try
        {
            signingKeys = await keys.KeysAsync(client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or ArgumentException or InvalidOperationException)
        {
            logger.LogWarning(exception, "Could not read the JWKS of CDS client {Issuer}", client.Issuer);
            return (null, "The issuer's keys could not be read.");
        }

        var skew = TimeSpan.FromSeconds(options.Value.ClockSkewSeconds);
        var now = time.GetUtcNow().UtcDateTime;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = client.Issuer,
            ValidAudiences = audiences,
            IssuerSigningKeys = signingKeys,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = skew,
            // The injected clock, not the machine's, decides expiry (tests use a fake one).
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } exp && now < exp.ToUniversalTime() + skew && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + skew),
        };
        var result = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, result.Exception switch
            {
                SecurityTokenInvalidAudienceException => "The JWT aud is not this service's URL.",
                SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNoExpirationException => "The JWT has expired or has no exp.",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The JWT signature does not match the issuer's keys.",
                _ => "The JWT is not valid.",
            });
        }

        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var issuedAt) || DateTimeOffset.FromUnixTimeSeconds(issuedAt) > now + skew)
        {
            return (null, "The JWT needs an iat that is not in the future.");
        }

        if (string.IsNullOrEmpty(token.Id) || token.Id.Length > 256)
        {
            return (null, "The JWT needs a jti (at most 256 characters).");
        }

        return await RememberAsync(client.Issuer, token.Id, token.ValidTo, cancellationToken).ConfigureAwait(false)
            ? (client.Issuer, null)
            : (null, "This JWT has been used before (jti replay).");
    }

    /// <summary>Records the jti until the token expires; false when it was already there (a replay). One insert, through the write gate.</summary>
    private async Task<bool> RememberAsync(string issuer, string jwtId, DateTime expires, CancellationToken cancellationToken)
    {
        // Expired ids are purged by CdsTokenUsePurge in the background; one still here is refused as a replay, and its token is expired anyway.
        if (await db.CdsTokenUses.AnyAsync(u => u.Issuer == issuer && u.JwtId == jwtId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var skew = TimeSpan.FromSeconds(options.Value.ClockSkewSeconds);
        db.CdsTokenUses.Add(new CdsTokenUse { Issuer = issuer, JwtId = jwtId, ExpiresAt = new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)) + skew });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance accepted the same jti a moment ago: the primary key decided.
            return false;
        }
    }
}
