using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KneeSpine.Web.DataProtection;

/// <summary>Reads a .pfx file, and says in words (naming the setting) why one cannot be used.</summary>
internal static class Pkcs12Files
{
    public static X509Certificate2 Load(string path, string? password) => X509CertificateLoader.LoadPkcs12FromFile(path, password);

    /// <summary>Null when <paramref name="path"/> holds a certificate with an RSA private key that <paramref name="password"/> opens.</summary>
    public static string? Problem(string path, string? password, string pathSetting, string passwordSetting)
    {
        if (!File.Exists(path))
        {
            return $"{pathSetting}: there is no file at '{path}'.";
        }

        try
        {
            using var certificate = Load(path, password);
            using var key = certificate.GetRSAPrivateKey();
            // The keys are encrypted with XML encryption, which wraps them with RSA.
            return key is null ? $"{pathSetting}: the certificate in '{path}' has no RSA private key; it needs one to encrypt and decrypt keys." : null;
        }
        catch (CryptographicException)
        {
            return $"{pathSetting}: '{path}' cannot be opened as a PKCS#12 (.pfx) file with {passwordSetting} (wrong password, or not a .pfx file).";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{pathSetting}: '{path}' cannot be read ({e.Message}).";
        }
    }
}
