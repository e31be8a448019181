using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Hl7.Fhir.Model;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Support;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Tests.Support;

namespace KneeSpine.Fhir.Tests.Questionnaires;

/// <summary>Round trips over generated assessments covering every field, section and code.</summary>
public sealed class QuestionnaireResponsePropertyTests(FhirValidatorFixture validator)
{
    private const int Cases = 500;

    [Fact]
    public void Any_valid_assessment_survives_the_round_trip_through_a_QuestionnaireResponse() => Check(input =>
    {
        var mapping = QuestionnaireResponseMapper.ToInput(QuestionnaireResponseMapper.ToQuestionnaireResponse(input, "Patient/p1"));

        Assert.True(mapping.IsValid, string.Join("; ", mapping.Errors));
        Assert.Equal(WithoutEmptyContainers(AssessmentInputJson.ToJson(input)), AssessmentInputJson.ToJson(mapping.Input!));
    });

    [Fact]
    public void Any_valid_assessment_evaluates_the_same_after_the_round_trip() => Check(input =>
    {
        var mapped = QuestionnaireResponseMapper.ToInput(QuestionnaireResponseMapper.ToQuestionnaireResponse(input)).Input!;

        Assert.Equal(AssessmentResultJson.ToJson(AssessmentEvaluator.Default.Evaluate(input)), AssessmentResultJson.ToJson(AssessmentEvaluator.Default.Evaluate(mapped)));
    });

    [Fact]
    public void Bundle_codes_are_the_evaluators_ids_for_any_assessment() => Check(input =>
    {
        var result = AssessmentEvaluator.Default.Evaluate(input);
        var bundle = FhirAssessmentMapper.Default.ToAssessBundle(QuestionnaireResponseMapper.ToQuestionnaireResponse(input), input, result, "Patient/p1");

        Assert.Equal(Engine.Codes.Code<TriageLevel>.ToCode(result.Triage.Level), bundle.One<RiskAssessment>().Prediction[0].QualitativeRisk.Coding[0].Code);
        Assert.Equal(result.Alerts.Select(a => a.Id), bundle.All<Flag>().Select(f => f.Code.Coding[0].Code));
        Assert.Equal(result.Plan.Select(p => p.Id), bundle.One<CarePlan>().Activity.Select(a => a.Detail.Code.Coding[0].Code));
    });

    [Fact]
    public void Bundle_of_any_assessment_is_valid_R4() => Check(input =>
    {
        var bundle = FhirAssessmentMapper.Default.ToAssessBundle(
            QuestionnaireResponseMapper.ToQuestionnaireResponse(input), input, AssessmentEvaluator.Default.Evaluate(input), "Patient/p1");

        validator.AssertValid(bundle);
    }, cases: 25);

    [Fact]
    public void Empty_sections_and_lists_have_no_answers_and_read_back_as_omitted()
    {
        var input = Examples.Input("01-mild-pain-after-spinal") with { Knee = new KneeInfo(), Conditions = [] };

        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input);
        var mapped = QuestionnaireResponseMapper.ToInput(response).Input!;

        Assert.DoesNotContain(response.Item, g => g.LinkId is "section:knee" or "section:conditions");
        Assert.Null(mapped.Knee);
        Assert.Null(mapped.Conditions);
    }

    // FHIR has no answer for "an empty list" or "a section with nothing in it"; both read back as omitted,
    // which the rules treat the same (an omitted field never fires a rule; no condition is no condition).
    private static string WithoutEmptyContainers(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        foreach (var section in document.Select(p => p.Value).OfType<JsonObject>())
        {
            foreach (var name in section.Where(p => p.Value is JsonArray { Count: 0 }).Select(p => p.Key).ToList())
            {
                section.Remove(name);
            }
        }

        foreach (var name in document.Where(p => p.Value is JsonObject { Count: 0 } or JsonArray { Count: 0 }).Select(p => p.Key).ToList())
        {
            document.Remove(name);
        }

        var read = AssessmentInputReader.Read(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()));
        return AssessmentInputJson.ToJson(read.Input!);
    }

    private static void Check(Action<AssessmentInput> property, int cases = Cases) =>
        Prop.ForAll(Arb.From(AssessmentGenerators.Assessment), property)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true));
}
