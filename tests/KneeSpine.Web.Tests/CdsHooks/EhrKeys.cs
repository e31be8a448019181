using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KneeSpine.Web.Tests.CdsHooks;

/// <summary>An EHR's signing keys made for the test (ES384 and RS384), its JWKS file, and the JWTs it would send.</summary>
public sealed class EhrKeys : IDisposable
{
    public const string Issuer = "https://ehr.example.org";

    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly string _directory = Directory.CreateTempSubdirectory("kneespine-jwks-").FullName;

    public EhrKeys()
    {
        var ec = _ec.ExportParameters(false);
        var rsa = _rsa.ExportParameters(false);
        var jwks = new JsonObject
        {
            ["keys"] = new JsonArray(
                new JsonObject { ["kty"] = "EC", ["crv"] = "P-384", ["kid"] = "ec-1", ["use"] = "sig", ["x"] = Base64UrlEncoder.Encode(ec.Q.X), ["y"] = Base64UrlEncoder.Encode(ec.Q.Y) },
                new JsonObject { ["kty"] = "RSA", ["kid"] = "rsa-1", ["use"] = "sig", ["n"] = Base64UrlEncoder.Encode(rsa.Modulus), ["e"] = Base64UrlEncoder.Encode(rsa.Exponent) }),
        };
        JwksJson = jwks.ToJsonString();
        JwksPath = Path.Combine(_directory, "jwks.json");
        File.WriteAllText(JwksPath, JwksJson);
    }

    /// <summary>The public keys as a JWKS document.</summary>
    public string JwksJson { get; }

    public string JwksPath { get; }

    public SigningCredentials Es384 => new(new ECDsaSecurityKey(_ec) { KeyId = "ec-1" }, SecurityAlgorithms.EcdsaSha384);

    public SigningCredentials Rs384 => new(new RsaSecurityKey(_rsa) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha384);

    /// <summary>A JWT as CDS Hooks 2.0 describes it; each argument can be spoiled by a test.</summary>
    public static string Token(
        SigningCredentials credentials, string audience, DateTimeOffset now, TimeSpan? lifetime = null, string? jti = null, string issuer = Issuer, bool withIat = true)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = now.UtcDateTime.AddMinutes(-10),
            Expires = (now + (lifetime ?? TimeSpan.FromMinutes(5))).UtcDateTime,
            IssuedAt = withIat ? now.UtcDateTime.AddMinutes(-10) : null,
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object> { ["jti"] = jti ?? Guid.NewGuid().ToString() },
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string Unsigned(string audience, DateTimeOffset now)
    {
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        var payload = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        return header + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString())) + ".";
    }

    public void Dispose()
    {
        _ec.Dispose();
        _rsa.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
