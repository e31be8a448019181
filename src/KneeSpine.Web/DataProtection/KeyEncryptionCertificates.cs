using System.Security.Cryptography.X509Certificates;

namespace KneeSpine.Web.DataProtection;

/// <summary>The configured certificates, opened once at start (after <see cref="KeyEncryptionValidation"/>, so they open).</summary>
internal sealed class KeyEncryptionCertificates : IDisposable
{
    public KeyEncryptionCertificates(KeyEncryptionOptions settings)
    {
        Current = string.IsNullOrWhiteSpace(settings.CertificatePath) ? null : Pkcs12Files.Load(settings.CertificatePath, settings.CertificatePassword);
        All = [.. Current is null ? [] : new[] { Current }, .. settings.PreviousCertificates.Select(c => Pkcs12Files.Load(c.Path!, c.Password))];
    }

    /// <summary>Encrypts new keys; null when keys are stored unencrypted.</summary>
    public X509Certificate2? Current { get; }

    /// <summary>Decrypt stored keys: the current certificate and the previous ones.</summary>
    public IReadOnlyList<X509Certificate2> All { get; }

    public void Dispose()
    {
        foreach (var certificate in All)
        {
            certificate.Dispose();
        }
    }
}
