using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace KneeSpine.Web.DataProtection;

/// <summary>
/// Makes sure the shared key ring is usable before the server takes requests (ADR-056). It runs in the start-up turn
/// (<c>KneeSpineDatabase.PrepareAsync</c>), so two nodes starting together on an empty database create one key, not one
/// each: with one each, a node would refuse the other's cookies once Data Protection's two-minute grace after start is
/// over, until its cached key ring expired, up to a day later. A stored key that this node cannot decrypt stops the
/// start, rather than the node quietly making a key ring of its own.
/// </summary>
internal sealed partial class KeyRingInitializer(
    IKeyManager keys, IDataProtectionProvider dataProtection, KeyEncryptionCertificates certificates, TimeProvider time, ILogger<KeyRingInitializer> logger)
{
    public void Initialize()
    {
        if (certificates.Current is null)
        {
            LogUnencrypted(logger, KeyEncryptionOptions.Section + ":CertificatePath");
        }

        EnsureStoredKeysDecrypt();
        // The first protect loads the key ring and, when there is no usable key, creates one.
        dataProtection.CreateProtector("KneeSpine.KeyRingCheck").Protect([1]);
    }

    private void EnsureStoredKeysDecrypt()
    {
        var now = time.GetUtcNow();
        foreach (var key in keys.GetAllKeys().Where(k => !k.IsRevoked && k.ExpirationDate > now))
        {
            try
            {
                key.CreateEncryptor();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException(
                    $"The Data Protection key {key.KeyId} (valid until {key.ExpirationDate:yyyy-MM-dd}) is stored encrypted with a certificate "
                    + $"this node does not have. Set {KeyEncryptionOptions.Section}:CertificatePath (or add the old one under "
                    + $"{KeyEncryptionOptions.Section}:PreviousCertificates) to the certificate the other nodes use; see docs/security.md.", e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection keys (they protect sign-in cookies and antiforgery tokens) are stored unencrypted in the database. Set {Setting} to a .pfx certificate to encrypt them; see docs/security.md.")]
    private static partial void LogUnencrypted(ILogger logger, string setting);
}
