using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KneeSpine.Web.Tests.Infrastructure;

/// <summary>Self-signed certificates written as .pfx files, for the Data Protection key encryption settings.</summary>
public static class TestCertificates
{
    public const string Password = "pfx test password";

    // Fixed dates: nothing checks a key-encryption certificate's validity period, and tests must not depend on today.
    private static readonly DateTimeOffset NotBefore = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = new(2099, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An RSA certificate with its private key, protected by <see cref="Password"/>.</summary>
    public static string CreateRsaPfx(string directory, string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=KneeSpine key encryption test {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(NotBefore, NotAfter);
        return Write(directory, name, certificate.Export(X509ContentType.Pfx, Password));
    }

    /// <summary>An ECDSA certificate with its private key: readable, but unusable for XML key encryption.</summary>
    public static string CreateEcdsaPfx(string directory, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=KneeSpine key encryption test {name}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(NotBefore, NotAfter);
        return Write(directory, name, certificate.Export(X509ContentType.Pfx, Password));
    }

    private static string Write(string directory, string name, byte[] pfx)
    {
        var path = Path.Combine(directory, name + ".pfx");
        File.WriteAllBytes(path, pfx);
        return path;
    }
}
