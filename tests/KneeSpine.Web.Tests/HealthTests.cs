using System.Net;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests;

public abstract class HealthTests(TestDatabaseKind kind)
{
    [Fact]
    public async Task Health_and_ready_answer_200_while_the_database_is_up()
    {
        await using var app = await TestApp.StartAsync(kind);
        var client = app.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Ready_answers_503_when_the_database_is_gone_while_health_stays_200()
    {
        await using var app = await TestApp.StartAsync(kind);
        var client = app.Anonymous();
        await app.Database.MakeUnreachableAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Api_call_while_the_database_is_gone_is_a_503_problem_with_retry_after_and_no_internals()
    {
        await using var app = await TestApp.StartAsync(kind);
        var client = await app.ClientAsync(Store.Accounts.Roles.Clinician);
        await app.Database.MakeUnreachableAsync();

        var response = await client.GetAsync("/api/v1/patients", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}

public sealed class HealthOnSqlite() : HealthTests(TestDatabaseKind.Sqlite);

public sealed class HealthOnPostgres() : HealthTests(TestDatabaseKind.Postgres);
