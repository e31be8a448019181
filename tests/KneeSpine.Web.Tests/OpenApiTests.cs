using System.Net;
using System.Text.Json.Nodes;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests;

public abstract class OpenApiTests(AppFixture fixture)
{
    [Fact]
    public async Task OpenApi_document_is_served_anonymously_and_lists_every_api_operation()
    {
        var response = await fixture.App.Anonymous().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.ReadObjectAsync())["paths"]!.AsObject();
        string[][] expected =
        [
            ["/api/v1/evaluate", "post"],
            ["/api/v1/patients", "get"],
            ["/api/v1/patients", "post"],
            ["/api/v1/patients/{id}", "get"],
            ["/api/v1/patients/{patientId}/assessments", "get"],
            ["/api/v1/patients/{patientId}/assessments", "post"],
            ["/api/v1/patients/{patientId}/assessments/{id}", "get"],
            ["/api/v1/patients/{patientId}/assessments/{id}", "put"],
            ["/api/v1/patients/{patientId}/assessments/{id}/versions", "get"],
        ];
        foreach (var pair in expected)
        {
            Assert.True(paths[pair[0]]?.AsObject().ContainsKey(pair[1]) == true, $"{pair[1]} {pair[0]} missing from {string.Join(", ", paths.Select(p => p.Key))}");
        }
    }

    [Fact]
    public async Task Assessment_bodies_are_described_by_a_schema_built_from_the_input_catalogue()
    {
        var document = await (await fixture.App.Anonymous().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).ReadObjectAsync();

        var evaluateBody = document["paths"]!["/api/v1/evaluate"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var input = document["components"]!["schemas"]!["AssessmentInput"]!;

        Assert.Equal("#/components/schemas/AssessmentInput", evaluateBody);
        Assert.Contains("redFlags", input["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("feverOrChills", input["properties"]!["redFlags"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        var pain = input["properties"]!["backPain"]!["properties"]!["intensityNow"]!;
        Assert.Equal(0, pain["minimum"]!.GetValue<int>());
        Assert.Equal(10, pain["maximum"]!.GetValue<int>());
        Assert.Contains("spinal", input["properties"]!["surgery"]!["properties"]!["anesthesia"]!["enum"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task The_schema_asks_the_version_2_questions_and_marks_the_scored_sections_optional()
    {
        var document = await (await fixture.App.Anonymous().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).ReadObjectAsync();
        var input = document["components"]!["schemas"]!["AssessmentInput"]!;
        string[] Names(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

        Assert.Equal([2], input["properties"]!["schemaVersion"]!["enum"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Superset(
            new HashSet<string>(["newLegWeaknessOrNumbness", "suddenSevereBackPain", "coughingBloodOrFainting", "legWeaknessOrNumbnessGettingWorse"]),
            new HashSet<string>(Names(input["properties"]!["redFlags"]!["required"])));
        var medications = input["properties"]!["medications"]!["properties"]!.AsObject();
        Assert.True(medications.ContainsKey("antiplatelet") && medications.ContainsKey("longTermSteroids"), medications.ToJsonString());
        foreach (var section in new[] { "psychosocial", "backFunction" })
        {
            Assert.DoesNotContain(section, Names(input["required"]));
            Assert.StartsWith("Optional section", input["properties"]![section]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var item = input["properties"]!["psychosocial"]!["properties"]!["littleInterestOrPleasure"]!;
        Assert.Equal(0, item["minimum"]!.GetValue<int>());
        Assert.Equal(3, item["maximum"]!.GetValue<int>());
        Assert.Contains("Over the last 2 weeks", item["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("0 = Not at all", item["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("3 = Nearly every day", item["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

public sealed class OpenApiOnSqlite(SqliteApp app) : OpenApiTests(app), IClassFixture<SqliteApp>;

public sealed class OpenApiOnPostgres(PostgresApp app) : OpenApiTests(app), IClassFixture<PostgresApp>;
