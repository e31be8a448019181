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
    [InlineData("sometimes")]
    [InlineData("7")]
    public async Task An_unknown_sqlite_synchronous_level_stops_the_start_naming_the_setting(string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Database:SqliteSynchronous"] = value,
        }));

        Assert.Contains("KneeSpine:Database:SqliteSynchronous", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " | " + Flatten(error.InnerException);
}
