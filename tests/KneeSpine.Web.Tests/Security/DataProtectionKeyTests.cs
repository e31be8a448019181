using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.Security;

/// <summary>
/// The Data Protection key ring (sign-in cookies, antiforgery tokens) lives in the database; with
/// <c>KneeSpine:DataProtection:CertificatePath</c> it is stored encrypted, and every instance with the certificate shares it (ADR-056).
/// </summary>
public sealed class DataProtectionKeyTests : IDisposable
{
    private readonly DirectoryInfo _certificates = Directory.CreateTempSubdirectory("kneespine-certs-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_two_instances_with_it_share_one_sign_in()
    {
        var settings = Settings(TestCertificates.CreateRsaPfx(_certificates.FullName, "current"));
        await using var first = await TestApp.StartAsync(TestDatabaseKind.Postgres, settings);
        await using var second = TestApp.Start(first.Database, settings);

        var key = Assert.Single(await StoredKeysAsync(first));
        Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
        Assert.Contains("<EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted", key, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Logs.Messages, m => m.Contains("stored unencrypted", StringComparison.Ordinal));

        var cookie = await SignInCookieAsync(first);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(second, "/patients", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(first, "/patients", cookie)).StatusCode);
    }

    [Fact]
    public async Task An_instance_without_the_certificate_that_encrypted_the_keys_does_not_start_and_says_which_setting_to_fix()
    {
        await using var first = await TestApp.StartAsync(TestDatabaseKind.Sqlite, Settings(TestCertificates.CreateRsaPfx(_certificates.FullName, "current")));
        var keysBefore = await StoredKeysAsync(first);

        var withOther = Assert.ThrowsAny<Exception>(() => TestApp.Start(first.Database, Settings(TestCertificates.CreateRsaPfx(_certificates.FullName, "other"))));
        var withNone = Assert.ThrowsAny<Exception>(() => TestApp.Start(first.Database));

        Assert.Contains("KneeSpine:DataProtection:CertificatePath", withOther.Flatten(), StringComparison.Ordinal);
        Assert.Contains("KneeSpine:DataProtection:CertificatePath", withNone.Flatten(), StringComparison.Ordinal);
        // Neither made a key ring of its own that the other instances could not read.
        Assert.Equal(keysBefore, await StoredKeysAsync(first));
    }

    [Fact]
    public async Task After_a_rotation_keys_encrypted_with_the_previous_certificate_still_open_and_new_ones_use_the_new_certificate()
    {
        var old = TestCertificates.CreateRsaPfx(_certificates.FullName, "old");
        await using var before = await TestApp.StartAsync(TestDatabaseKind.Sqlite, Settings(old));
        var cookie = await SignInCookieAsync(before);

        var rotated = Settings(TestCertificates.CreateRsaPfx(_certificates.FullName, "new"));
        rotated["KneeSpine:DataProtection:PreviousCertificates:0:Path"] = old;
        rotated["KneeSpine:DataProtection:PreviousCertificates:0:Password"] = TestCertificates.Password;
        await using var after = TestApp.Start(before.Database, rotated);

        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(after, "/patients", cookie)).StatusCode);
        // The next key (as the 90-day roll makes it) is encrypted to the new certificate.
        await after.WithServiceAsync<IKeyManager, IKey>(keys => Task.FromResult(keys.CreateNewKey(TestApp.Now, TestApp.Now.AddDays(90))));
        var newest = (await StoredKeysAsync(after))[^1];
        using var newCertificate = X509CertificateLoader.LoadPkcs12FromFile(rotated["KneeSpine:DataProtection:CertificatePath"]!, TestCertificates.Password);
        using var named = EncryptedTo(newest);
        Assert.Equal(newCertificate.Thumbprint, named.Thumbprint);
    }

    [Fact]
    public async Task Without_a_certificate_keys_are_stored_as_generated_and_one_warning_names_the_setting()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite);

        var key = Assert.Single(await StoredKeysAsync(app));
        Assert.Contains("<masterKey", key, StringComparison.Ordinal);
        var warning = Assert.Single(app.Logs.Messages, m => m.Contains("stored unencrypted", StringComparison.Ordinal));
        Assert.Contains("KneeSpine:DataProtection:CertificatePath", warning, StringComparison.Ordinal);
        // Data Protection's own "No XML encryptor configured" would say the same again, without the setting.
        Assert.DoesNotContain(app.Logs.Messages, m => m.Contains("encryptor", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Keys_made_before_a_certificate_was_set_still_open_after_it_is_set_so_nobody_is_signed_out()
    {
        await using var before = await TestApp.StartAsync(TestDatabaseKind.Sqlite);
        var cookie = await SignInCookieAsync(before);

        await using var after = TestApp.Start(before.Database, Settings(TestCertificates.CreateRsaPfx(_certificates.FullName, "later")));

        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(after, "/patients", cookie)).StatusCode);
        Assert.DoesNotContain(after.Logs.Messages, m => m.Contains("stored unencrypted", StringComparison.Ordinal));
    }

    public void Dispose() => _certificates.Delete(recursive: true);

    private static Dictionary<string, string?> Settings(string certificate) => new()
    {
        ["KneeSpine:DataProtection:CertificatePath"] = certificate,
        ["KneeSpine:DataProtection:CertificatePassword"] = TestCertificates.Password,
    };

    private static Task<List<string>> StoredKeysAsync(TestApp app) =>
        app.WithServiceAsync<KneeSpineDbContext, List<string>>(db => db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml!).ToListAsync(Cancel));

    /// <summary>Signs in on <paramref name="app"/> through the login form and returns the sign-in cookie as a browser would send it.</summary>
    private static async Task<string> SignInCookieAsync(TestApp app)
    {
        var email = $"dp-{Guid.NewGuid():N}@example.org";
        await app.CreateAccountAsync(Roles.Clinician, email: email);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/account/login", Cancel);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = TestApp.Password,
                ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(await page.Content.ReadAsStringAsync(Cancel)),
            }),
        };
        post.Headers.Add("Cookie", CookiePair(page, ".AspNetCore.Antiforgery"));
        var signedIn = await client.SendAsync(post, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return CookiePair(signedIn, "KneeSpine.Auth=");
    }

    /// <summary>The certificate that XML encryption names in a stored key (KeyInfo/X509Data).</summary>
    private static X509Certificate2 EncryptedTo(string keyXml)
    {
        var certificate = XDocument.Parse(keyXml).Descendants(XName.Get("X509Certificate", "http://www.w3.org/2000/09/xmldsig#")).Single();
        return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificate.Value));
    }

    private static string CookiePair(HttpResponseMessage response, string prefix) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(prefix, StringComparison.Ordinal)).Split(';')[0];

    private static async Task<HttpResponseMessage> GetWithCookieAsync(TestApp app, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request, Cancel);
    }
}
