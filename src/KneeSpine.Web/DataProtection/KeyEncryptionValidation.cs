namespace KneeSpine.Web.DataProtection;

/// <summary>Opens every configured certificate, so a wrong path or password stops the start naming the setting.</summary>
internal static class KeyEncryptionValidation
{
    private const string Section = KeyEncryptionOptions.Section;

    public static IReadOnlyList<string> Problems(KeyEncryptionOptions options)
    {
        var problems = new List<string?>();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (!string.IsNullOrEmpty(options.CertificatePassword))
            {
                problems.Add($"{Section}:CertificatePassword is set, but {Section}:CertificatePath is not.");
            }

            if (options.PreviousCertificates.Count > 0)
            {
                problems.Add($"{Section}:PreviousCertificates needs a current {Section}:CertificatePath to encrypt new keys.");
            }
        }
        else
        {
            problems.Add(Pkcs12Files.Problem(options.CertificatePath, options.CertificatePassword, $"{Section}:CertificatePath", $"{Section}:CertificatePassword"));
        }

        for (var i = 0; i < options.PreviousCertificates.Count; i++)
        {
            var previous = options.PreviousCertificates[i];
            var setting = $"{Section}:PreviousCertificates:{i}";
            problems.Add(string.IsNullOrWhiteSpace(previous.Path)
                ? $"{setting}:Path is required."
                : Pkcs12Files.Problem(previous.Path, previous.Password, $"{setting}:Path", $"{setting}:Password"));
        }

        return problems.OfType<string>().ToList();
    }
}
