using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using KneeSpine.Web.Fhir.Bulk;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.BulkImport;

/// <summary>
/// The import's direct QuestionnaireResponse reader (ADR-165) makes exactly the resource Firely makes from every line it
/// takes, and declines (leaving the line to Firely's checks and messages) every line that differs from KneeSpine's shape.
/// No database: the reader is pure.
/// </summary>
public sealed class ResponseFastReaderTests
{
    private static readonly DateOnly Surgery = new(2026, 5, 11);

    public static TheoryData<string> Shapes => ["plain", "red flag yes", "later follow-up", "partial date", "decimal answer", "amended", "no subject", "unicode text"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_line_of_KneeSpine_shape_becomes_the_same_resource_Firely_makes(string shape)
    {
        var line = Line(shape);

        var fast = ResponseFastReader.TryRead(line);
        var firely = (QuestionnaireResponse)FhirNdjson.Parse(line);

        Assert.NotNull(fast);
        Assert.True(fast.IsExactly(firely), "the fast reader's resource differs from Firely's");
        Assert.Equal(FhirNdjson.Line(firely), FhirNdjson.Line(fast));
        Assert.NotEmpty(fast.Item);
    }

    public static TheoryData<string> Declined => [
        "meta", "extension on an item", "empty item array", "in-progress status", "two values in one answer", "integer written as 1.0",
        "authored without a zone", "id with an underscore", "text with a trailing space", "property twice", "trailing text", "not JSON",
        "a Patient", "answer with nested items", "null value", "primitive extension"];

    [Theory]
    [MemberData(nameof(Declined))]
    public void A_line_that_differs_from_KneeSpine_shape_is_left_to_Firely(string variant)
    {
        var line = Variant(variant);

        Assert.Null(ResponseFastReader.TryRead(line));
    }

    private static string Line(string shape)
    {
        var input = Inputs.Valid(Surgery.AddDays(shape == "later follow-up" ? 42 : 14), daysSinceSurgery: shape == "later follow-up" ? 42 : 14, backPain: 6);
        if (shape == "red flag yes")
        {
            input["redFlags"]!["feverOrChills"] = true;
        }

        var line = new NdjsonFile().Response("qr-" + shape.Replace(' ', '-'), "patient-1", input).Lines[0];
        var node = JsonNode.Parse(line)!.AsObject();
        switch (shape)
        {
            case "partial date":
                Answers(node).First(a => a["valueDate"] is not null)["valueDate"] = "2026-05";
                break;
            case "decimal answer":
                Answers(node).First(a => a["valueInteger"] is not null).ReplaceWith(new JsonObject { ["valueDecimal"] = 3.50m });
                break;
            case "amended":
                node["status"] = "amended";
                break;
            case "no subject":
                node.Remove("subject");
                break;
            case "unicode text":
                Items(node).First()["text"] = "Schmerz \u00fcber 38 \u00b0C, \u201cplease\u201d";
                break;
        }

        return node.ToJsonString();
    }

    private static string Variant(string variant)
    {
        var node = JsonNode.Parse(Line("plain"))!.AsObject();
        switch (variant)
        {
            case "meta":
                node["meta"] = new JsonObject { ["versionId"] = "1" };
                break;
            case "extension on an item":
                Items(node).First()["extension"] = new JsonArray(new JsonObject { ["url"] = "https://example.org/x", ["valueString"] = "y" });
                break;
            case "empty item array":
                Items(node).First(i => i["answer"] is not null).AsObject().Add("item", new JsonArray());
                break;
            case "in-progress status":
                node["status"] = "in-progress";
                break;
            case "two values in one answer":
                Answers(node).First()["valueString"] = "yes";
                break;
            case "integer written as 1.0":
                // A decimal with a scale is written with its fraction: 6.0.
                Answers(node).First(a => a["valueInteger"] is not null)["valueInteger"] = 6.0m;
                break;
            case "authored without a zone":
                node["authored"] = "2026-05-25T09:30:00";
                break;
            case "id with an underscore":
                node["id"] = "qr_1";
                break;
            case "text with a trailing space":
                Items(node).First()["text"] = "Question ";
                break;
            case "property twice":
                var twice = Line("plain").Replace("\"status\":\"completed\"", "\"status\":\"completed\",\"status\":\"completed\"", StringComparison.Ordinal);
                Assert.Contains("\"completed\",\"status\"", twice, StringComparison.Ordinal);
                return twice;
            case "trailing text":
                return Line("plain") + " x";
            case "not JSON":
                return "{ \"resourceType\": \"QuestionnaireResponse\", ";
            case "a Patient":
                return new NdjsonFile().Patient("p1", new DateOnly(1950, 1, 1), Engine.Input.Sex.Female).Lines[0];
            case "answer with nested items":
                Answers(node).First()["item"] = new JsonArray(new JsonObject { ["linkId"] = "x" });
                break;
            case "null value":
                node["questionnaire"] = null;
                break;
            case "primitive extension":
                node["_authored"] = new JsonObject { ["id"] = "a" };
                break;
        }

        var line = node.ToJsonString();
        Assert.Contains("QuestionnaireResponse", line, StringComparison.Ordinal);
        return line;
    }

    private static IEnumerable<JsonNode> Items(JsonObject response) =>
        response["item"]!.AsArray().SelectMany(group => group!["item"]!.AsArray()).OfType<JsonNode>();

    private static IEnumerable<JsonNode> Answers(JsonObject response) => Items(response).SelectMany(i => i["answer"]!.AsArray()).OfType<JsonNode>();
}
