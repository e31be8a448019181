using System.Net;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests;

public abstract class RateLimitTests(TestDatabaseKind kind)
{
    [Fact]
    public async Task Evaluate_beyond_the_permit_limit_gives_429_problem_with_retry_after()
    {
        await using var app = await TestApp.StartAsync(kind, new Dictionary<string, string?>
        {
            ["KneeSpine:Evaluate:PermitLimit"] = "2",
            ["KneeSpine:Evaluate:WindowSeconds"] = "3600",
        });
        var client = app.Anonymous();
        var cancel = TestContext.Current.CancellationToken;

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/evaluate", Inputs.Json(Inputs.Valid()), cancel)).StatusCode);
        }

        var limited = await client.PostAsync("/api/v1/evaluate", Inputs.Json(Inputs.Valid()), cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await limited.ReadObjectAsync())["status"]!.GetValue<int>());
        Assert.NotNull(limited.Headers.RetryAfter);
        // Other endpoints are not limited by the evaluate policy.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", cancel)).StatusCode);
    }
}

public sealed class RateLimitOnSqlite() : RateLimitTests(TestDatabaseKind.Sqlite);

public sealed class RateLimitOnPostgres() : RateLimitTests(TestDatabaseKind.Postgres);
