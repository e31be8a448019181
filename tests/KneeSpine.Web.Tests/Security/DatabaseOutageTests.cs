using System.Net;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace KneeSpine.Web.Tests.Security;

/// <summary>The database goes away and comes back while the app runs: 503 with Retry-After meanwhile, normal service after, no restart.</summary>
public sealed class DatabaseOutageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_the_sqlite_file_is_unreachable_calls_get_503_with_retry_after_and_the_app_recovers_when_it_returns()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite);
        var client = await app.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(client, "Outage Patient");
        var directory = app.Database.DataDirectory;
        var away = directory + ".away";

        SqliteConnection.ClearAllPools();
        Directory.Move(directory, away);
        HttpResponseMessage api, fhir, ready;
        try
        {
            api = await client.GetAsync($"/api/v1/patients/{patient}", Cancel);
            fhir = await client.GetAsync($"/fhir/Patient/{patient}", Cancel);
            ready = await client.GetAsync("/health/ready", Cancel);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Move(away, directory);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), api.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var body = await api.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Sqlite", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, fhir.StatusCode);
        Assert.Equal("application/fhir+json", fhir.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"transient\"", await fhir.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.NotNull(fhir.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        var recovered = await client.GetAsync($"/api/v1/patients/{patient}", Cancel);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Cancel)).StatusCode);
    }
}
