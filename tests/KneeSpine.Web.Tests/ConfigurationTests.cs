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

        Assert.Contains("KneeSpine:Database:Provider", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_the_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Database:Provider"] = "postgres",
            ["KneeSpine:Database:ConnectionString"] = "",
        }));

        Assert.Contains("KneeSpine:Database:ConnectionString", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_permit_limit_out_of_range_stops_the_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Evaluate:PermitLimit"] = "0",
        }));

        Assert.Contains("PermitLimit", Flatten(error), StringComparison.Ordinal);
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

        Assert.Contains("KneeSpine:CdsHooks:Clients:0:FhirServers:1", Flatten(error), StringComparison.Ordinal);
        Assert.DoesNotContain("FhirServers:0", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " | " + Flatten(error.InnerException);
}
