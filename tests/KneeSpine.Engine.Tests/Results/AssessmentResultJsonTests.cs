using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Builders;
using KneeSpine.Engine.Tests.Support;

namespace KneeSpine.Engine.Tests.Results;

public sealed class AssessmentResultJsonTests
{
    private static readonly AssessmentResult Soon = Evaluate.Result(AssessmentBuilder.Baseline()
        .Age(61)
        .Body(160, 82)
        .Pain(5)
        .DaysAfterSurgery(50)
        .Conditions(Condition.Diabetes)
        .BackPain(p => p with { PainBelowKnee = true }));

    private static readonly AssessmentResult Emergency = Evaluate.Result(AssessmentBuilder.Baseline()
        .Anesthesia(Anesthesia.Spinal)
        .Pain(9)
        .Psychosocial(p => p with { LittleInterestOrPleasure = 2, FeelingDownDepressedOrHopeless = 2 })
        .RedFlags(r => r with { NumbnessInSaddleArea = true }));

    /// <summary>A result stored under specification version 1 (written by the 2026.11 engine, with a note and the old source id sea-review).</summary>
    private static byte[] StoredVersion1 => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "stored-result-v1.json"));

    [Fact]
    public void A_result_is_written_with_the_schema_properties_in_schema_order()
    {
        var root = JsonNode.Parse(AssessmentResultJson.ToJson(Soon))!.AsObject();

        Assert.Equal(
            ["schemaVersion", "knowledgeBaseVersion", "daysSinceSurgery", "painSeverity", "bodyMassIndex", "scores", "triage", "alerts", "factors", "plan", "notes"],
            root.Select(p => p.Key));
        Assert.Equal(2, (int)root["schemaVersion"]!);
        Assert.Equal("2026.12", (string)root["knowledgeBaseVersion"]!);
        Assert.Equal("""{"phq2":null,"gad2":null,"backFunction":null}""", root["scores"]!.ToJsonString());
        Assert.Equal(50, (int)root["daysSinceSurgery"]!);
        Assert.Equal("moderate", (string)root["painSeverity"]!);
        Assert.Equal(32.0, (double)root["bodyMassIndex"]!);
        Assert.Equal("soon", (string)root["triage"]!["level"]!);
        Assert.Equal(Soon.Triage.Headline, (string)root["triage"]!["headline"]!);
    }

    [Fact]
    public void Alerts_factors_and_plan_items_are_written_with_their_codes_paths_and_sources()
    {
        var root = JsonNode.Parse(AssessmentResultJson.ToJson(Soon))!.AsObject();

        var alert = root["alerts"]![0]!.AsObject();
        Assert.Equal(["id", "level", "explanation", "triggeredBy", "sources"], alert.Select(p => p.Key));
        Assert.Equal("radicular-pain", (string)alert["id"]!);
        Assert.Equal("soon", (string)alert["level"]!);
        Assert.Equal(["backPain.painBelowKnee"], alert["triggeredBy"]!.AsArray().Select(n => (string)n!));

        var factor = root["factors"]!.AsArray().Single(f => (string)f!["id"]! == "comorbidity")!.AsObject();
        Assert.Equal(["id", "certainty", "explanation", "triggeredBy", "sources"], factor.Select(p => p.Key));
        Assert.Equal("possible", (string)factor["certainty"]!);

        var item = root["plan"]![0]!.AsObject();
        Assert.Equal(["id", "because", "patientText", "clinicianText", "sources"], item.Select(p => p.Key));
        Assert.Equal(["radicular-pain", "persistent-pain"], item["because"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void A_missing_bmi_is_written_as_null_scores_as_numbers_or_null_and_notes_as_a_list()
    {
        var root = JsonNode.Parse(AssessmentResultJson.ToJson(Emergency))!.AsObject();

        Assert.True(root.ContainsKey("bodyMassIndex"));
        Assert.Null(root["bodyMassIndex"]);
        Assert.Equal("emergency", (string)root["triage"]!["level"]!);
        Assert.Equal("""{"phq2":4,"gad2":null,"backFunction":null}""", root["scores"]!.ToJsonString());
        Assert.Empty(root["notes"]!.AsArray());
    }

    [Fact]
    public void A_stored_version_1_result_is_read_with_its_ids_texts_versions_and_notes_unchanged()
    {
        var stored = StoredVersion1;
        var original = JsonNode.Parse(stored)!;

        var result = AssessmentResultJson.Read(stored);

        Assert.Equal(1, result.SchemaVersion);
        Assert.Equal("2026.11", result.KnowledgeBaseVersion);
        Assert.Null(result.Scores);
        Assert.Equal(["cauda-equina-syndrome", "possible-spinal-infection"], result.Alerts.Select(a => a.Id));
        Assert.Equal(["ahcpr-1994", "sea-review"], result.Alert("possible-spinal-infection").Sources);
        Assert.Equal((string)original["alerts"]![0]!["explanation"]!, result.Alerts[0].Explanation);
        Assert.Single(result.Notes);
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(AssessmentResultJson.ToJson(result))), "a version 1 result is written back exactly as stored");
    }

    [Fact]
    public void A_stored_version_1_result_resolves_its_sources_and_titles_through_the_archived_knowledge_base()
    {
        var result = AssessmentResultJson.Read(StoredVersion1);

        var knowledgeBase = KnowledgeBase.For(result);

        Assert.Same(KnowledgeBase.Version1, knowledgeBase);
        Assert.True(knowledgeBase.IsArchived);
        Assert.Null(knowledgeBase.Handout);
        Assert.All(result.Alerts.SelectMany(a => a.Sources).Concat(result.Plan.SelectMany(p => p.Sources)), id => Assert.True(knowledgeBase.Sources.TryGet(id, out _), id));
        Assert.Contains("abscess", CitationFormatter.Text(knowledgeBase.Sources["sea-review"]), StringComparison.Ordinal);
        Assert.True(knowledgeBase.Alerts.TryGet("possible-spinal-infection", out _));
        Assert.Same(KnowledgeBase.Default, KnowledgeBase.For(Soon));
    }

    [Fact]
    public void The_archived_version_1_knowledge_base_cannot_evaluate() =>
        Assert.Throws<ArgumentException>(() => new AssessmentEvaluator(KnowledgeBase.Version1));

    [Fact]
    public void A_version_2_result_must_carry_scores_and_a_version_1_result_must_not()
    {
        var v2 = JsonNode.Parse(AssessmentResultJson.ToJson(Soon))!.AsObject();
        v2.Remove("scores");
        var v1 = JsonNode.Parse(StoredVersion1)!.AsObject();
        v1["scores"] = new JsonObject { ["phq2"] = null, ["gad2"] = null, ["backFunction"] = null };

        Assert.Contains("$.scores", Assert.ThrowsAny<JsonException>(() => AssessmentResultJson.Read(Encoding.UTF8.GetBytes(v2.ToJsonString()))).Message, StringComparison.Ordinal);
        Assert.Contains("$.scores", Assert.ThrowsAny<JsonException>(() => AssessmentResultJson.Read(Encoding.UTF8.GetBytes(v1.ToJsonString()))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_item_without_clinician_text_omits_the_property()
    {
        var result = Soon with { Plan = [new PlanItem("allow-time-to-heal", ["baseline"], "Rest.", null, ["seed-article"])] };

        var item = JsonNode.Parse(AssessmentResultJson.ToJson(result))!["plan"]![0]!.AsObject();

        Assert.False(item.ContainsKey("clinicianText"));
        Assert.Null(AssessmentResultJson.Read(Encoding.UTF8.GetBytes(AssessmentResultJson.ToJson(result))).Plan[0].ClinicianText);
    }

    [Fact]
    public void Reading_what_was_written_gives_the_same_result()
    {
        foreach (var result in new[] { Soon, Emergency })
        {
            var json = AssessmentResultJson.ToJson(result);

            var read = AssessmentResultJson.Read(Encoding.UTF8.GetBytes(json));

            AssertSameResult(result, read);
            Assert.Equal(json, AssessmentResultJson.ToJson(read));
        }
    }

    [Fact]
    public void Reading_accepts_any_standard_formatting_and_property_order()
    {
        var node = JsonNode.Parse(AssessmentResultJson.ToJson(Soon))!.AsObject();
        var reordered = new JsonObject(node.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var indented = reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

        AssertSameResult(Soon, AssessmentResultJson.Read(Encoding.UTF8.GetBytes(indented)));
    }

    [Fact]
    public void Notes_may_be_omitted_when_reading()
    {
        var node = JsonNode.Parse(AssessmentResultJson.ToJson(Soon))!.AsObject();
        node.Remove("notes");

        Assert.Empty(AssessmentResultJson.Read(Encoding.UTF8.GetBytes(node.ToJsonString())).Notes);
    }

    public static TheoryData<string, string> BadDocuments => new()
    {
        { """{"schemaVersion":3}""", "$.schemaVersion" },
        { """{"schemaVersion":0}""", "$.schemaVersion" },
        { """[1]""", "$: must be an object" },
        { """{"schemaVersion":2,"surprise":true}""", "$.surprise" },
        { """{"schemaVersion":2,"knowledgeBaseVersion":"2026.12","daysSinceSurgery":-1}""", "$.daysSinceSurgery" },
        { """{"schemaVersion":2,"knowledgeBaseVersion":"2026.12","daysSinceSurgery":1,"scores":{"phq2":7,"gad2":null,"backFunction":null}}""", "$.scores.phq2" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void Reading_rejects_what_write_never_produces_naming_the_path(string json, string path)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => AssessmentResultJson.Read(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("level", "\"later\"", "$.alerts[0].level")]
    [InlineData("level", "\"self-care\"", "$.alerts[0].level")]
    [InlineData("triggeredBy", "[1]", "$.alerts[0].triggeredBy[0]")]
    [InlineData("sources", "null", "$.alerts[0].sources")]
    public void Reading_rejects_a_bad_alert_naming_the_path(string property, string value, string path)
    {
        var node = JsonNode.Parse(AssessmentResultJson.ToJson(Soon))!.AsObject();
        node["alerts"]![0]![property] = JsonNode.Parse(value);

        var exception = Assert.ThrowsAny<JsonException>(() => AssessmentResultJson.Read(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Encoders => ["default", "relaxed", "custom"];

    [Theory]
    [MemberData(nameof(Encoders))]
    public void Knowledge_base_texts_are_written_exactly_as_the_writers_encoder_escapes_them(string encoder)
    {
        var options = new JsonWriterOptions
        {
            Indented = true,
            Encoder = encoder switch
            {
                "relaxed" => JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                "custom" => JavaScriptEncoder.Create(UnicodeRanges.BasicLatin),
                _ => null,
            },
        };
        var urgent = Evaluate.Result(AssessmentBuilder.Baseline().Pain(4).RedFlags(r => r with { FeverOrChills = true }));
        var fresh = AssessmentResultJson.Read(Encoding.UTF8.GetBytes(AssessmentResultJson.ToJson(urgent)));

        var written = Write(urgent, options);

        Assert.Equal(Write(fresh, options), written);
        Assert.Equal(encoder == "relaxed", written.Contains("surgeon's", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_json_is_rejected() =>
        Assert.ThrowsAny<JsonException>(() => AssessmentResultJson.Read("{\"schemaVersion\":"u8));

    private static string Write(AssessmentResult result, JsonWriterOptions options)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            AssessmentResultJson.Write(writer, result);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static void AssertSameResult(AssessmentResult expected, AssessmentResult actual)
    {
        Assert.Equal(expected.SchemaVersion, actual.SchemaVersion);
        Assert.Equal(expected.Scores, actual.Scores);
        Assert.Equal(expected.KnowledgeBaseVersion, actual.KnowledgeBaseVersion);
        Assert.Equal(expected.DaysSinceSurgery, actual.DaysSinceSurgery);
        Assert.Equal(expected.PainSeverity, actual.PainSeverity);
        Assert.Equal(expected.BodyMassIndex, actual.BodyMassIndex);
        Assert.Equal(expected.Triage, actual.Triage);
        Assert.Equal(expected.Alerts.Select(a => (a.Id, a.Level, a.Explanation, string.Join('|', a.TriggeredBy), string.Join('|', a.Sources))), actual.Alerts.Select(a => (a.Id, a.Level, a.Explanation, string.Join('|', a.TriggeredBy), string.Join('|', a.Sources))));
        Assert.Equal(expected.Factors.Select(f => (f.Id, f.Certainty, f.Explanation, string.Join('|', f.TriggeredBy), string.Join('|', f.Sources))), actual.Factors.Select(f => (f.Id, f.Certainty, f.Explanation, string.Join('|', f.TriggeredBy), string.Join('|', f.Sources))));
        Assert.Equal(expected.Plan.Select(p => (p.Id, string.Join('|', p.Because), p.PatientText, p.ClinicianText, string.Join('|', p.Sources))), actual.Plan.Select(p => (p.Id, string.Join('|', p.Because), p.PatientText, p.ClinicianText, string.Join('|', p.Sources))));
        Assert.Equal(expected.Notes, actual.Notes);
    }
}
