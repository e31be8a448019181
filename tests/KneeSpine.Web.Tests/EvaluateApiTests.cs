using System.Net;
using System.Text.Json.Nodes;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests;

public abstract class EvaluateApiTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("02-cauda-equina-on-anticoagulant")]
    [InlineData("04-fever-after-surgery")]
    [InlineData("01-mild-pain-after-spinal")]
    public async Task Anonymous_caller_gets_the_result_of_a_spec_example(string example)
    {
        var input = await File.ReadAllTextAsync(RepositorySpec.InputOf(example), Cancel);
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(RepositorySpec.ExpectedOf(example), Cancel))!;

        var response = await fixture.App.Anonymous().PostAsync("/api/v1/evaluate", Inputs.Json(input), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadObjectAsync();
        Assert.Equal(expected["triage"]!.GetValue<string>(), result["triage"]!["level"]!.GetValue<string>());
        Assert.Equal(expected["daysSinceSurgery"]!.GetValue<int>(), result["daysSinceSurgery"]!.GetValue<int>());
        Assert.Equal(
            expected["alerts"]!.AsArray().Select(a => a!.GetValue<string>()),
            result["alerts"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Unanswered_red_flag_gives_400_problem_keyed_by_its_json_path()
    {
        var input = Inputs.Valid();
        input["redFlags"]!.AsObject().Remove("feverOrChills");

        var response = await fixture.App.Anonymous().PostAsync("/api/v1/evaluate", Inputs.Json(input), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.True(problem["errors"]!.AsObject().ContainsKey("redFlags.feverOrChills"), problem.ToJsonString());
    }

    [Fact]
    public async Task Out_of_range_pain_and_bad_code_are_each_reported_by_path()
    {
        var input = Inputs.Valid();
        input["backPain"]!["intensityNow"] = 11;
        input["surgery"]!["anesthesia"] = "sedation";

        var response = await fixture.App.Anonymous().PostAsync("/api/v1/evaluate", Inputs.Json(input), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("backPain.intensityNow"), errors.ToJsonString());
        Assert.True(errors.ContainsKey("surgery.anesthesia"), errors.ToJsonString());
    }

    [Fact]
    public async Task Malformed_json_gives_400_problem_not_500()
    {
        var response = await fixture.App.Anonymous().PostAsync("/api/v1/evaluate", Inputs.Json("{\"schemaVersion\": 1,"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("\"errors\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluating_stores_nothing()
    {
        var response = await fixture.App.Anonymous().PostAsync("/api/v1/evaluate", Inputs.Json(Inputs.Valid()), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var stored = await fixture.App.WithServiceAsync<KneeSpineDbContext, int>(db => db.Assessments.CountAsync(Cancel));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task Body_that_is_not_declared_as_json_gives_415()
    {
        var form = new StringContent(Inputs.Valid().ToJsonString(), System.Text.Encoding.UTF8, "text/plain");

        var response = await fixture.App.Anonymous().PostAsync("/api/v1/evaluate", form, Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Body_larger_than_an_assessment_can_be_gives_413()
    {
        var huge = "{\"x\":\"" + new string('a', 70 * 1024) + "\"}";

        var response = await fixture.App.Anonymous().PostAsync("/api/v1/evaluate", Inputs.Json(huge), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}

public sealed class EvaluateApiOnSqlite(SqliteApp app) : EvaluateApiTests(app), IClassFixture<SqliteApp>;

public sealed class EvaluateApiOnPostgres(PostgresApp app) : EvaluateApiTests(app), IClassFixture<PostgresApp>;
