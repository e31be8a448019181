using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KneeSpine.Cli.Tests.Processes;
using KneeSpine.Web.Tests.Infrastructure;
using Npgsql;

namespace KneeSpine.Cli.Tests.Resilience;

/// <summary>
/// Two real <c>kneespine serve</c> processes on different loopback ports over one PostgreSQL database, started at the
/// same moment on an empty database: one key ring (encrypted with a shared certificate), so a sign-in, an antiforgery
/// token and a personal access token from one node work on the other, and what one writes the other reads (ADR-056).
/// </summary>
public sealed class TwoInstancesTests : IDisposable
{
    private readonly DirectoryInfo _certificates = Directory.CreateTempSubdirectory("kneespine-certs-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_started_together_share_one_key_ring_sign_ins_antiforgery_tokens_access_tokens_and_data()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Postgres);
        var environment = ServerProcess.EnvironmentFor(database, withAdmin: true);
        environment["KneeSpine__DataProtection__CertificatePath"] = TestCertificates.CreateRsaPfx(_certificates.FullName, "cluster");
        environment["KneeSpine__DataProtection__CertificatePassword"] = TestCertificates.Password;

        await using var a = ServerProcess.Launch(database, environment, "node A");
        await using var b = ServerProcess.Launch(database, environment, "node B");
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());

        // Both raced for the empty database: migrations, roles, the first admin and the first key were each made once.
        var key = Assert.Single(await StoredKeysAsync(database));
        Assert.Contains("<EncryptedData", key, StringComparison.Ordinal);

        // A sign-in on either node is accepted by the other (one browser: cookies are per host, not per port).
        var browser = new CookieContainer();
        using var browserOnA = a.CreateClient(cookies: browser);
        using var browserOnB = b.CreateClient(cookies: browser);
        await SignInAsync(browserOnA);
        Assert.Equal(HttpStatusCode.OK, (await browserOnB.GetAsync("/patients", Cancel)).StatusCode);
        var otherBrowser = new CookieContainer();
        using var otherOnA = a.CreateClient(cookies: otherBrowser);
        using var otherOnB = b.CreateClient(cookies: otherBrowser);
        await SignInAsync(otherOnB);
        Assert.Equal(HttpStatusCode.OK, (await otherOnA.GetAsync("/patients", Cancel)).StatusCode);

        // A form served by A is posted to B: B accepts A's antiforgery token and stores the patient; A shows it.
        var form = await browserOnA.GetStringAsync("/patients/new", Cancel);
        var created = await browserOnB.PostAsync("/patients/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Made On Node B",
            ["BirthDate"] = "1951-09-30",
            ["Sex"] = "female",
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(form),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var patientPage = created.Headers.Location!.OriginalString;
        Assert.Contains("Made On Node B", await browserOnA.GetStringAsync(patientPage, Cancel), StringComparison.Ordinal);

        // One personal access token works on both; an assessment stored through A is read through B.
        var token = await ServerProcess.CreateAdminTokenAsync(database);
        using var apiOnA = a.CreateClient(token);
        using var apiOnB = b.CreateClient(token);
        var patient = Guid.Parse(patientPage.Split('/')[^1]);
        var stored = await apiOnA.PostAsync(
            $"/api/v1/patients/{patient}/assessments",
            new StringContent(await File.ReadAllTextAsync(RepositorySpec.InputOf("01-mild-pain-after-spinal"), Cancel), Encoding.UTF8, "application/json"),
            Cancel);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var id = (await stored.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();
        var read = await apiOnB.GetFromJsonAsync<JsonObject>($"/api/v1/patients/{patient}/assessments/{id}", Cancel);
        Assert.Equal(patient, read!["patientId"]!.GetValue<Guid>());
        Assert.Equal("Made On Node B", (await apiOnB.GetFromJsonAsync<JsonObject>($"/api/v1/patients/{patient}", Cancel))!["name"]!.GetValue<string>());
        Assert.Contains(id.ToString(), await browserOnB.GetStringAsync(patientPage, Cancel), StringComparison.Ordinal);

        Assert.DoesNotContain("stored unencrypted", a.Log + b.Log, StringComparison.Ordinal);
    }

    public void Dispose() => _certificates.Delete(recursive: true);

    private static async Task SignInAsync(HttpClient browser)
    {
        var form = await browser.GetStringAsync("/account/login", Cancel);
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = ServerProcess.AdminEmail,
            ["Input.Password"] = ServerProcess.AdminPassword,
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(form),
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<List<string>> StoredKeysAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT \"Xml\" FROM \"DataProtectionKeys\"", connection);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var keys = new List<string>();
        while (await reader.ReadAsync(Cancel))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
