using Hl7.Fhir.Model;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Fhir.Tests.Support;
using Condition = KneeSpine.Engine.Input.Condition;

namespace KneeSpine.Fhir.Tests.Questionnaires;

public sealed class QuestionnaireResponseMapperTests(FhirValidatorFixture validator)
{
    private const string Example = "02-cauda-equina-on-anticoagulant";

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public void Every_example_survives_the_round_trip_through_a_QuestionnaireResponse(string name)
    {
        var input = Examples.Input(name);

        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input, "Patient/p1");
        var mapping = QuestionnaireResponseMapper.ToInput(response);

        Assert.True(mapping.IsValid, string.Join("; ", mapping.Errors));
        Assert.Equal(AssessmentInputJson.ToJson(input), AssessmentInputJson.ToJson(mapping.Input!));
    }

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public void Responses_of_every_example_are_valid_R4(string name)
    {
        validator.AssertValid(QuestionnaireResponseMapper.ToQuestionnaireResponse(Examples.Input(name), "Patient/p1"));
    }

    [Fact]
    public void Response_points_at_the_versioned_questionnaire_and_the_subject()
    {
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(Examples.Input(Example), "Patient/p1");

        Assert.Equal("https://kneespine.org/fhir/Questionnaire/kneespine-assessment|2", response.Questionnaire);
        Assert.Equal("Patient/p1", response.Subject?.Reference);
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.Completed, response.Status);
        Assert.Equal("2026-05-13", response.Authored);
    }

    [Fact]
    public void Response_without_a_subject_has_none()
    {
        Assert.Null(QuestionnaireResponseMapper.ToQuestionnaireResponse(Examples.Input(Example)).Subject);
    }

    [Fact]
    public void Omitted_optional_fields_are_not_answered()
    {
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(Examples.Input(Example));
        var linkIds = AllItems(response).Select(i => i.LinkId).ToList();

        Assert.Contains("medications.anticoagulant", linkIds);
        Assert.DoesNotContain("knee.painNow", linkIds);
        Assert.DoesNotContain("section:knee", linkIds);
    }

    [Fact]
    public void Flat_answers_without_groups_are_read_like_grouped_ones()
    {
        var input = Examples.Input("05-poor-sleep-inactive-bow-legs");
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input);
        response.Item = [.. response.Item.SelectMany(g => g.Item)];

        var mapping = QuestionnaireResponseMapper.ToInput(response);

        Assert.True(mapping.IsValid, string.Join("; ", mapping.Errors));
        Assert.Equal(AssessmentInputJson.ToJson(input), AssessmentInputJson.ToJson(mapping.Input!));
    }

    [Fact]
    public void Answers_nested_under_another_answer_are_read()
    {
        var input = Examples.Input(Example);
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input);
        var intensity = Find(response, "backPain.intensityNow");
        var anesthesiaGroup = response.Item.Single(g => g.LinkId == "section:surgery");
        var anesthesia = anesthesiaGroup.Item.Single(i => i.LinkId == "surgery.anesthesia");
        anesthesiaGroup.Item.Remove(anesthesia);
        intensity.Answer[0].Item.Add(anesthesia);

        var mapping = QuestionnaireResponseMapper.ToInput(response);

        Assert.True(mapping.IsValid, string.Join("; ", mapping.Errors));
        Assert.Equal(Anesthesia.Epidural, mapping.Input!.Surgery.Anesthesia);
    }

    [Fact]
    public void Unanswered_red_flag_is_an_error_naming_its_linkId_never_a_no()
    {
        var response = Response(Example);
        Remove(response, "redFlags.feverOrChills");

        var mapping = QuestionnaireResponseMapper.ToInput(response);

        Assert.False(mapping.IsValid);
        var error = Assert.Single(mapping.Errors);
        Assert.Equal("redFlags.feverOrChills", error.LinkId);
        Assert.Equal(OperationOutcome.IssueType.Required, error.Kind);
    }

    [Fact]
    public void Red_flag_item_present_without_an_answer_is_still_unanswered()
    {
        var response = Response(Example);
        Find(response, "redFlags.calfSwellingOrPain").Answer.Clear();

        var mapping = QuestionnaireResponseMapper.ToInput(response);

        Assert.Equal("redFlags.calfSwellingOrPain", Assert.Single(mapping.Errors).LinkId);
    }

    [Fact]
    public void Every_missing_red_flag_is_reported()
    {
        var response = Response(Example);
        response.Item.RemoveAll(g => g.LinkId == "section:redFlags");

        var mapping = QuestionnaireResponseMapper.ToInput(response);

        Assert.Equal(
            InputFields.All.Where(f => f.Section == "redFlags").Select(f => f.Path).Order(StringComparer.Ordinal),
            mapping.Errors.Select(e => e.LinkId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pain_score_out_of_range_is_an_error_naming_its_linkId()
    {
        var response = Response(Example);
        Find(response, "backPain.intensityNow").Answer[0].Value = new Integer(11);

        var mapping = QuestionnaireResponseMapper.ToInput(response);

        var error = Assert.Single(mapping.Errors);
        Assert.Equal("backPain.intensityNow", error.LinkId);
    }

    [Fact]
    public void Assessment_before_surgery_gets_the_engines_date_error()
    {
        var response = Response(Example);
        Find(response, "assessedOn").Answer[0].Value = new Date("2026-05-01");

        var mapping = QuestionnaireResponseMapper.ToInput(response);

        Assert.False(mapping.IsValid);
        Assert.Contains(mapping.Errors, e => e.LinkId is "assessedOn" or "surgery.date");
    }

    [Fact]
    public void Answer_of_the_wrong_type_is_an_error_naming_its_linkId()
    {
        var response = Response(Example);
        Find(response, "patient.ageYears").Answer[0].Value = new FhirString("seventy-two");

        var error = Assert.Single(QuestionnaireResponseMapper.ToInput(response).Errors);

        Assert.Equal("patient.ageYears", error.LinkId);
        Assert.Contains("valueInteger", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_outside_the_code_set_is_an_error_naming_its_linkId()
    {
        var response = Response(Example);
        Find(response, "surgery.anesthesia").Answer[0].Value = new Coding(KneeSpineCodeSystems.ForInputField("surgery.anesthesia"), "sedation");

        var error = Assert.Single(QuestionnaireResponseMapper.ToInput(response).Errors);

        Assert.Equal("surgery.anesthesia", error.LinkId);
        Assert.Contains("sedation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_from_another_system_is_an_error_even_when_the_code_matches()
    {
        var response = Response(Example);
        Find(response, "surgery.anesthesia").Answer[0].Value = new Coding("http://snomed.info/sct", "epidural");

        Assert.Equal("surgery.anesthesia", Assert.Single(QuestionnaireResponseMapper.ToInput(response).Errors).LinkId);
    }

    [Fact]
    public void Partial_date_is_an_error()
    {
        var response = Response(Example);
        Find(response, "surgery.date").Answer[0].Value = new Date("2026-05");

        Assert.Equal("surgery.date", Assert.Single(QuestionnaireResponseMapper.ToInput(response).Errors).LinkId);
    }

    [Fact]
    public void Two_answers_to_a_single_answer_question_is_an_error()
    {
        var response = Response(Example);
        Find(response, "redFlags.feverOrChills").Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = new FhirBoolean(true) });

        Assert.Equal("redFlags.feverOrChills", Assert.Single(QuestionnaireResponseMapper.ToInput(response).Errors).LinkId);
    }

    [Fact]
    public void Repeated_code_in_a_list_is_an_error_naming_the_list()
    {
        var input = Examples.Input(Example) with { Conditions = [Condition.Diabetes] };
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input);
        Find(response, "conditions").Answer.Add(new QuestionnaireResponse.AnswerComponent
        {
            Value = new Coding(KneeSpineCodeSystems.ForInputField("conditions"), "diabetes"),
        });

        Assert.Equal("conditions", Assert.Single(QuestionnaireResponseMapper.ToInput(response).Errors).LinkId);
    }

    [Fact]
    public void List_answers_map_to_the_list_in_order()
    {
        var input = Examples.Input(Example) with { Conditions = [Condition.Diabetes, Condition.CancerHistory] };

        var mapping = QuestionnaireResponseMapper.ToInput(QuestionnaireResponseMapper.ToQuestionnaireResponse(input));

        Assert.Equal([Condition.Diabetes, Condition.CancerHistory], mapping.Input!.Conditions);
    }

    [Fact]
    public void Unknown_question_is_an_error_naming_its_linkId()
    {
        var response = Response(Example);
        response.Item.Add(new QuestionnaireResponse.ItemComponent
        {
            LinkId = "backPain.colour",
            Answer = [new QuestionnaireResponse.AnswerComponent { Value = new FhirString("blue") }],
        });

        Assert.Equal("backPain.colour", Assert.Single(QuestionnaireResponseMapper.ToInput(response).Errors).LinkId);
    }

    [Fact]
    public void Same_question_answered_twice_in_different_places_is_an_error()
    {
        var response = Response(Example);
        response.Item.Add(new QuestionnaireResponse.ItemComponent
        {
            LinkId = "redFlags.feverOrChills",
            Answer = [new QuestionnaireResponse.AnswerComponent { Value = new FhirBoolean(true) }],
        });

        Assert.Equal("redFlags.feverOrChills", Assert.Single(QuestionnaireResponseMapper.ToInput(response).Errors).LinkId);
    }

    [Fact]
    public void In_progress_response_is_not_assessed()
    {
        var response = Response(Example);
        response.Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress;

        Assert.Equal("QuestionnaireResponse.status", Assert.Single(QuestionnaireResponseMapper.ToInput(response).Errors).LinkId);
    }

    [Theory]
    [InlineData("https://kneespine.org/fhir/Questionnaire/kneespine-assessment")]
    [InlineData("https://kneespine.org/fhir/Questionnaire/kneespine-assessment|2")]
    public void Response_to_the_kneespine_questionnaire_with_or_without_version_is_accepted(string canonical)
    {
        var response = Response(Example);
        response.Questionnaire = canonical;

        Assert.True(QuestionnaireResponseMapper.ToInput(response).IsValid);
    }

    [Fact]
    public void Response_to_version_1_of_the_questionnaire_is_refused_naming_schemaVersion()
    {
        var response = Response(Example);
        response.Questionnaire = "https://kneespine.org/fhir/Questionnaire/kneespine-assessment|1";

        var error = Assert.Single(QuestionnaireResponseMapper.ToInput(response).Errors);
        Assert.Equal("QuestionnaireResponse.questionnaire", error.LinkId);
        Assert.Contains("schemaVersion 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 2 red-flag questions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Response_to_another_questionnaire_is_rejected()
    {
        var response = Response(Example);
        response.Questionnaire = "http://example.org/Questionnaire/phq-9";

        Assert.Equal("QuestionnaireResponse.questionnaire", Assert.Single(QuestionnaireResponseMapper.ToInput(response).Errors).LinkId);
    }

    [Fact]
    public void Errors_become_OperationOutcome_issues_whose_expression_is_the_linkId()
    {
        var response = Response(Example);
        Remove(response, "redFlags.numbnessInSaddleArea");
        Find(response, "backPain.intensityNow").Answer[0].Value = new Integer(-1);

        var outcome = QuestionnaireResponseMapper.ToInput(response).ToOperationOutcome();

        Assert.All(outcome.Issue, i => Assert.Equal(OperationOutcome.IssueSeverity.Error, i.Severity));
        Assert.Equal(
            ["backPain.intensityNow", "redFlags.numbnessInSaddleArea"],
            outcome.Issue.Select(i => Assert.Single(i.Expression)).Order(StringComparer.Ordinal));
        Assert.All(outcome.Issue, i => Assert.False(string.IsNullOrWhiteSpace(i.Details?.Text)));
        validator.AssertValid(outcome);
    }

    private static QuestionnaireResponse Response(string example) =>
        QuestionnaireResponseMapper.ToQuestionnaireResponse(Examples.Input(example), "Patient/p1");

    private static IEnumerable<QuestionnaireResponse.ItemComponent> AllItems(QuestionnaireResponse response) =>
        response.Item.SelectMany(g => g.Item.Prepend(g));

    private static QuestionnaireResponse.ItemComponent Find(QuestionnaireResponse response, string linkId) =>
        AllItems(response).Single(i => i.LinkId == linkId);

    private static void Remove(QuestionnaireResponse response, string linkId)
    {
        foreach (var group in response.Item)
        {
            group.Item.RemoveAll(i => i.LinkId == linkId);
        }
    }
}
