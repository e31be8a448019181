using System.Security.Cryptography;
using KneeSpine.Web.Smart;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KneeSpine.Web.Tests.Smart;

/// <summary>
/// private_key_jwt as SMART asymmetric client authentication describes it: the assertion's claims and algorithms in
/// detail. The whole launch with it, against the mock EHR's OpenIddict token endpoint, is in <see cref="SmartLaunchTests"/>.
/// </summary>
public sealed class ClientAssertionTests : IDisposable
{
    private static readonly Uri TokenEndpoint = new("https://ehr.example/oauth2/token");
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"kneespine-assertion-{Guid.NewGuid():N}.pem");

    [Fact]
    public async Task An_rsa_key_signs_an_rs384_assertion_for_the_token_endpoint_that_the_public_key_verifies()
    {
        using var rsa = RSA.Create(2048);
        await File.WriteAllTextAsync(_keyFile, rsa.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        var ehr = new SmartEhrOptions { ClientId = "kneespine", PrivateKeyPath = _keyFile, PrivateKeyId = "key-1" };

        var assertion = ClientAssertion.Create(ehr, TokenEndpoint, Now);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = "kneespine",
            ValidAudience = TokenEndpoint.AbsoluteUri,
            IssuerSigningKey = new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "key-1" },
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(SecurityAlgorithms.RsaSha384, token.Alg);
        Assert.Equal("key-1", token.Kid);
        Assert.Equal("kneespine", token.Subject);
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.Equal(Now.AddMinutes(5).UtcDateTime, token.ValidTo);
        Assert.NotEqual(token.Id, new JsonWebToken(ClientAssertion.Create(ehr, TokenEndpoint, Now)).Id);
    }

    [Fact]
    public async Task A_p384_key_signs_es384_and_other_curves_are_refused_at_start()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        await File.WriteAllTextAsync(_keyFile, p384.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        var ehr = new SmartEhrOptions { ClientId = "kneespine", PrivateKeyPath = _keyFile };

        Assert.Equal(SecurityAlgorithms.EcdsaSha384, new JsonWebToken(ClientAssertion.Create(ehr, TokenEndpoint, Now)).Alg);
        Assert.Null(ClientAssertion.LoadProblem(_keyFile));

        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await File.WriteAllTextAsync(_keyFile, p256.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        Assert.NotNull(ClientAssertion.LoadProblem(_keyFile));

        await File.WriteAllTextAsync(_keyFile, "not a key", TestContext.Current.CancellationToken);
        Assert.NotNull(ClientAssertion.LoadProblem(_keyFile));
    }

    public void Dispose() => File.Delete(_keyFile);
}
