using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests;

/// <summary>Configuration mistakes stop the start with a message that names the setting (no database is reached).</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task Unknown_database_provider_stops_the_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Database:Provider"] = "mysql",
        }));

        Assert.Contains("KneeSpine:Database:Provider", error.Flatten(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_the_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Database:Provider"] = "postgres",
            ["KneeSpine:Database:ConnectionString"] = "",
        }));

        Assert.Contains("KneeSpine:Database:ConnectionString", error.Flatten(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_permit_limit_out_of_range_stops_the_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Evaluate:PermitLimit"] = "0",
        }));

        Assert.Contains("PermitLimit", error.Flatten(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://ehr.example.org/fhir")]
    [InlineData("https://user:pw@ehr.example.org/fhir")]
    [InlineData("https://ehr.example.org/fhir?x=1")]
    public async Task A_CDS_client_FHIR_server_that_is_not_plain_https_stops_the_start_naming_the_setting(string url)
    {
        using var keys = new CdsHooks.EhrKeys();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:CdsHooks:Clients:0:Issuer"] = CdsHooks.EhrKeys.Issuer,
            ["KneeSpine:CdsHooks:Clients:0:JwksPath"] = keys.JwksPath,
            ["KneeSpine:CdsHooks:Clients:0:FhirServers:0"] = "https://ehr.example.org/fhir",
            ["KneeSpine:CdsHooks:Clients:0:FhirServers:1"] = url,
        }));

        Assert.Contains("KneeSpine:CdsHooks:Clients:0:FhirServers:1", error.Flatten(), StringComparison.Ordinal);
        Assert.DoesNotContain("FhirServers:0", error.Flatten(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sometimes")]
    [InlineData("7")]
    public async Task An_unknown_sqlite_synchronous_level_stops_the_start_naming_the_setting(string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Database:SqliteSynchronous"] = value,
        }));

        Assert.Contains("KneeSpine:Database:SqliteSynchronous", error.Flatten(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing file", "KneeSpine:DataProtection:CertificatePath: there is no file at")]
    [InlineData("wrong password", "cannot be opened as a PKCS#12 (.pfx) file with KneeSpine:DataProtection:CertificatePassword")]
    [InlineData("not a pfx", "cannot be opened as a PKCS#12 (.pfx) file with KneeSpine:DataProtection:CertificatePassword")]
    [InlineData("ecdsa key", "KneeSpine:DataProtection:CertificatePath: the certificate in")]
    [InlineData("password alone", "KneeSpine:DataProtection:CertificatePassword is set, but KneeSpine:DataProtection:CertificatePath is not.")]
    [InlineData("previous without path", "KneeSpine:DataProtection:PreviousCertificates:0:Path is required.")]
    public async Task An_unusable_key_encryption_certificate_stops_the_start_naming_the_setting(string mistake, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("kneespine-certs-");
        try
        {
            var good = TestCertificates.CreateRsaPfx(directory.FullName, "good");
            var notPfx = Path.Combine(directory.FullName, "notes.txt");
            await File.WriteAllTextAsync(notPfx, "not a certificate", TestContext.Current.CancellationToken);
            var (path, password) = mistake switch
            {
                "missing file" => (Path.Combine(directory.FullName, "missing.pfx"), TestCertificates.Password),
                "wrong password" => (good, "not the password"),
                "not a pfx" => (notPfx, TestCertificates.Password),
                "ecdsa key" => (TestCertificates.CreateEcdsaPfx(directory.FullName, "ecdsa"), TestCertificates.Password),
                "password alone" => (null, TestCertificates.Password),
                _ => (good, TestCertificates.Password),
            };
            var settings = new Dictionary<string, string?>
            {
                ["KneeSpine:DataProtection:CertificatePath"] = path,
                ["KneeSpine:DataProtection:CertificatePassword"] = password,
            };
            if (mistake == "previous without path")
            {
                settings["KneeSpine:DataProtection:PreviousCertificates:0:Password"] = TestCertificates.Password;
            }

            var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, settings));

            Assert.Contains(expected, error.Flatten(), StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
