using KneeSpine.Store.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.DataProtection;

public static class DataProtectionRegistration
{
    /// <summary>
    /// One key ring for every node, kept in the database; encrypted there with <c>KneeSpine:DataProtection:CertificatePath</c>
    /// when set (ADR-056). The certificates are read now, because Data Protection takes them at registration.
    /// </summary>
    public static IHostApplicationBuilder AddKneeSpineDataProtection(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(KeyEncryptionOptions.Section).Get<KeyEncryptionOptions>() ?? new KeyEncryptionOptions();
        var problems = KeyEncryptionValidation.Problems(settings);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(KeyEncryptionOptions.Section, typeof(KeyEncryptionOptions), problems);
        }

        var certificates = new KeyEncryptionCertificates(settings);
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("KneeSpine")
            .PersistKeysToDbContext<KneeSpineDbContext>();
        if (certificates.Current is not null)
        {
            dataProtection.ProtectKeysWithCertificate(certificates.Current).UnprotectKeysWithAnyCertificate([.. certificates.All]);
        }
        else
        {
            // Unencrypted keys are the operator's choice until a certificate is set: say so explicitly, so Data Protection does
            // not warn with every new key ("No XML encryptor configured"), repeating KeyRingInitializer's warning, which names
            // the setting to change. A key stored this way is read as before; a later certificate protects only newer keys.
            builder.Services.Configure<KeyManagementOptions>(options => options.XmlEncryptor ??= new NullXmlEncryptor());
        }

        // From a factory, so the container disposes the certificates with the app.
        builder.Services.AddSingleton(_ => certificates);
        builder.Services.AddSingleton<KeyRingInitializer>();
        return builder;
    }
}
