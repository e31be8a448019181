namespace KneeSpine.Web.DataProtection;

/// <summary>
/// The <c>KneeSpine:DataProtection</c> section: the certificate that encrypts the Data Protection key ring (which signs
/// and encrypts sign-in cookies and antiforgery tokens) where it is stored, in the database. Without one the keys are
/// stored as generated, and a warning says so at start.
/// </summary>
public sealed class KeyEncryptionOptions
{
    public const string Section = "KneeSpine:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and its RSA private key; new keys are encrypted to it.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Certificates that still decrypt older keys after a rotation, but encrypt nothing new.</summary>
    public IList<CertificateFile> PreviousCertificates { get; } = [];
}
