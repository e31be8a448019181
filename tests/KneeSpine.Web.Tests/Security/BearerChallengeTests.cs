using System.Net;
using System.Net.Http.Headers;
using KneeSpine.Web.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.Security;

/// <summary>Every 401 of the machine interfaces names the scheme to use (RFC 9110 15.5.2, RFC 6750 3): WWW-Authenticate: Bearer.</summary>
public abstract class BearerChallengeTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/fhir/Patient/3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("/fhir/QuestionnaireResponse?subject=Patient/3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("/fhir/RiskAssessment/3f2504e0-4f89-41d3-9a0c-0305e82c3301-0123456789ab")]
    [InlineData("/api/v1/patients")]
    public async Task Without_a_token_a_401_asks_for_a_bearer_token(string path)
    {
        var response = await fixture.App.Anonymous().GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData("/fhir/Patient/3f2504e0-4f89-41d3-9a0c-0305e82c3301", "ksp_not-a-real-token")]
    [InlineData("/api/v1/patients", "ksp_not-a-real-token")]
    [InlineData("/api/v1/patients", "eyJhbGciOiJFUzM4NCJ9.e30.c2ln")]
    public async Task With_a_refused_token_a_401_says_the_token_is_invalid(string path, string token)
    {
        var client = fixture.App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal(("Bearer", "error=\"invalid_token\""), (challenge.Scheme, challenge.Parameter));
    }
}

public sealed class BearerChallengeOnSqlite(SqliteApp app) : BearerChallengeTests(app), IClassFixture<SqliteApp>;

public sealed class BearerChallengeOnPostgres(PostgresApp app) : BearerChallengeTests(app), IClassFixture<PostgresApp>;
