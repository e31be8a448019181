using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KneeSpine.Web.Smart;

/// <summary>
/// The <c>private_key_jwt</c> client assertion SMART asymmetric client authentication asks for: a JWT signed with the
/// configured key (RS384 for RSA, ES384 for P-384), <c>iss</c> and <c>sub</c> the client id, <c>aud</c> the token endpoint,
/// a fresh <c>jti</c>, valid five minutes.
/// </summary>
internal static class ClientAssertion
{
    public const string Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static string Create(SmartEhrOptions ehr, Uri tokenEndpoint, DateTimeOffset now)
    {
        using var key = Load(ehr.PrivateKeyPath!);
        var credentials = key switch
        {
            RSA rsa => new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = ehr.PrivateKeyId }, SecurityAlgorithms.RsaSha384),
            ECDsa ec => new SigningCredentials(new ECDsaSecurityKey(ec) { KeyId = ehr.PrivateKeyId }, SecurityAlgorithms.EcdsaSha384),
            _ => throw new InvalidOperationException("Unsupported key."),
        };
        // The key is loaded and disposed per assertion; a cached signature provider would outlive it and fail the next launch.
        credentials.CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ehr.ClientId,
            Audience = tokenEndpoint.AbsoluteUri,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(5).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = ehr.ClientId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>Why <paramref name="path"/> cannot sign assertions; null when it can.</summary>
    public static string? LoadProblem(string path)
    {
        if (!File.Exists(path))
        {
            return $"'{path}' does not exist.";
        }

        try
        {
            using var key = Load(path);
            return key is ECDsa { KeySize: not 384 } ? "must hold an RSA or P-384 private key." : null;
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return $"'{path}' is not a readable PEM private key (RSA or P-384).";
        }
    }

    private static AsymmetricAlgorithm Load(string path)
    {
        var pem = File.ReadAllText(path);
        if (pem.Contains("EC PRIVATE KEY", StringComparison.Ordinal) || IsEcPkcs8(pem))
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return ec;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static bool IsEcPkcs8(string pem)
    {
        using var probe = ECDsa.Create();
        try
        {
            probe.ImportFromPem(pem);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
