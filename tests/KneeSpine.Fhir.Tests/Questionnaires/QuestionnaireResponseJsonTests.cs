using Hl7.Fhir.Model;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Serialization;
using KneeSpine.Fhir.Tests.Support;

namespace KneeSpine.Fhir.Tests.Questionnaires;

public sealed class QuestionnaireResponseJsonTests
{
    [Fact]
    public void Response_posted_as_FHIR_JSON_reads_to_the_same_input()
    {
        var input = Examples.Input("05-poor-sleep-inactive-bow-legs");
        var json = FhirJson.Serialize(QuestionnaireResponseMapper.ToQuestionnaireResponse(input, "Patient/p1"));

        var mapping = QuestionnaireResponseMapper.ToInput(FhirJson.Parse<QuestionnaireResponse>(json));

        Assert.True(mapping.IsValid, string.Join("; ", mapping.Errors));
        Assert.Equal(AssessmentInputJson.ToJson(input), AssessmentInputJson.ToJson(mapping.Input!));
    }

    [Fact]
    public void Json_of_another_resource_type_is_not_read_as_a_response()
    {
        var json = FhirJson.Serialize(new Patient { Id = "p1" });

        var error = Assert.Throws<System.Text.Json.JsonException>(() => FhirJson.Parse<QuestionnaireResponse>(json));

        Assert.Contains("QuestionnaireResponse", error.Message, StringComparison.Ordinal);
        Assert.Contains("Patient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_given_twice_is_invalid_JSON_naming_the_property_not_a_crash()
    {
        // Firely's deserializer throws InvalidOperationException here (found by HostileInputTests, seed 594024504).
        const string json = """{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"a","answer":[{"valueCoding":{"code":"b"},"<b>x</b>":[],"<b>x</b>":1E2}]}]}""";

        var error = Assert.Throws<System.Text.Json.JsonException>(() => FhirJson.Parse<QuestionnaireResponse>(json));

        Assert.StartsWith("The JSON is not valid FHIR", error.Message, StringComparison.Ordinal);
        Assert.Contains("<b>x</b>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_FHIR_JSON_is_reported_by_the_SDK()
    {
        Assert.ThrowsAny<Hl7.Fhir.Serialization.DeserializationFailedException>(
            () => FhirJson.Parse<QuestionnaireResponse>("""{"resourceType":"QuestionnaireResponse","status":"finished-ish","colour":1}"""));
    }
}
