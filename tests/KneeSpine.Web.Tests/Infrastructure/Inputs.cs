using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Tests.Infrastructure;

/// <summary>Assessment input documents for tests: a calm, valid baseline that each test changes as it needs.</summary>
public static class Inputs
{
    public static JsonObject Valid(DateOnly assessedOn, int daysSinceSurgery = 14, int backPain = 3) => new()
    {
        ["schemaVersion"] = AssessmentInput.SchemaVersion,
        ["assessedOn"] = Date(assessedOn),
        ["patient"] = new JsonObject { ["ageYears"] = 67, ["sex"] = "female" },
        ["surgery"] = new JsonObject { ["date"] = Date(assessedOn.AddDays(-daysSinceSurgery)), ["anesthesia"] = "spinal", ["side"] = "right", ["procedure"] = "total" },
        ["backPain"] = new JsonObject { ["intensityNow"] = backPain, ["startedWhen"] = "after-surgery" },
        ["knee"] = new JsonObject { ["painNow"] = 4 },
        // Every red-flag question of the catalogue, answered "no": follows the input contract's version.
        ["redFlags"] = new JsonObject(InputFields.All.Where(f => f.Section == "redFlags")
            .Select(f => KeyValuePair.Create(f.Path["redFlags.".Length..], (JsonNode?)false))),
    };

    public static JsonObject Valid() => Valid(TestApp.Today.AddDays(-1));

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;

    public static async Task<JsonArray> ReadArrayAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonArray>(TestContext.Current.CancellationToken))!;
}
