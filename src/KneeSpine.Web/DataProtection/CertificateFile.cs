namespace KneeSpine.Web.DataProtection;

/// <summary>One <c>KneeSpine:DataProtection:PreviousCertificates:N</c> entry: a .pfx file and its password.</summary>
public sealed class CertificateFile
{
    public string? Path { get; set; }

    public string? Password { get; set; }
}
