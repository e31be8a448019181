using Hl7.Fhir.Model;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Serialization;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Fhir.Tests.Support;

namespace KneeSpine.Fhir.Tests.Questionnaires;

public sealed class AssessmentQuestionnaireTests(FhirValidatorFixture validator)
{
    private static readonly Questionnaire Questionnaire = AssessmentQuestionnaire.Build();

    private static IEnumerable<Questionnaire.ItemComponent> Questions =>
        Questionnaire.Item.SelectMany(group => group.Item).Where(item => item.Type != Questionnaire.QuestionnaireItemType.Display);

    [Fact]
    public void Questionnaire_is_valid_R4()
    {
        validator.AssertValid(Questionnaire);
    }

    [Fact]
    public void Questionnaire_is_identified_by_the_kneespine_canonical_and_the_input_schema_version()
    {
        Assert.Equal("kneespine-assessment", Questionnaire.Id);
        Assert.Equal("https://kneespine.org/fhir/Questionnaire/kneespine-assessment", Questionnaire.Url);
        Assert.Equal(AssessmentInput.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), Questionnaire.Version);
    }

    [Fact]
    public void Every_input_field_is_one_question_whose_linkId_is_its_json_path()
    {
        Assert.Equal(InputFields.All.Select(f => f.Path), Questions.Select(q => q.LinkId));
    }

    [Fact]
    public void Questions_are_grouped_by_section_with_red_flags_first()
    {
        Assert.All(Questionnaire.Item, group => Assert.Equal(Questionnaire.QuestionnaireItemType.Group, group.Type));
        Assert.Equal(InputFields.Sections.Select(AssessmentQuestionnaire.GroupLinkId), Questionnaire.Item.Select(g => g.LinkId));
        Assert.Equal("section:redFlags", Questionnaire.Item[0].LinkId);
        foreach (var group in Questionnaire.Item)
        {
            var section = group.LinkId!["section:".Length..];
            Assert.All(group.Item.Where(q => q.Type != Questionnaire.QuestionnaireItemType.Display), q => Assert.Equal(section, InputFields.Get(q.LinkId!).Section));
        }
    }

    [Fact]
    public void Every_red_flag_question_is_required()
    {
        var redFlags = Questions.Where(q => q.LinkId!.StartsWith("redFlags.", StringComparison.Ordinal)).ToList();
        Assert.Equal(14, redFlags.Count);
        Assert.All(redFlags, q => Assert.True(q.Required));
        Assert.True(Questionnaire.Item.Single(g => g.LinkId == "section:redFlags").Required);
    }

    [Fact]
    public void Optional_fields_are_not_required()
    {
        Assert.False(Questions.Single(q => q.LinkId == "knee.painNow").Required);
        Assert.True(Questions.Single(q => q.LinkId == "backPain.intensityNow").Required);
    }

    [Theory]
    [InlineData("redFlags.feverOrChills", Questionnaire.QuestionnaireItemType.Boolean)]
    [InlineData("backPain.intensityNow", Questionnaire.QuestionnaireItemType.Integer)]
    [InlineData("patient.heightCm", Questionnaire.QuestionnaireItemType.Decimal)]
    [InlineData("surgery.date", Questionnaire.QuestionnaireItemType.Date)]
    [InlineData("surgery.anesthesia", Questionnaire.QuestionnaireItemType.Choice)]
    [InlineData("conditions", Questionnaire.QuestionnaireItemType.Choice)]
    public void Item_types_follow_the_field_kinds(string linkId, Questionnaire.QuestionnaireItemType type)
    {
        Assert.Equal(type, Questions.Single(q => q.LinkId == linkId).Type);
    }

    [Fact]
    public void Only_list_fields_repeat()
    {
        Assert.Equal(["conditions", "medications.painMedicines"], Questions.Where(q => q.Repeats == true).Select(q => q.LinkId));
    }

    [Fact]
    public void Choice_answers_carry_the_schema_codes_in_the_kneespine_code_system_of_the_code_set()
    {
        var anesthesia = Questions.Single(q => q.LinkId == "surgery.anesthesia");
        var codings = anesthesia.AnswerOption.Select(o => Assert.IsType<Coding>(o.Value)).ToList();
        Assert.Equal(["spinal", "epidural", "combined-spinal-epidural", "general", "unknown"], codings.Select(c => c.Code));
        Assert.All(codings, c => Assert.Equal("https://kneespine.org/fhir/CodeSystem/anesthesia", c.System));

        foreach (var question in Questions.Where(q => q.Type == Questionnaire.QuestionnaireItemType.Choice))
        {
            var field = InputFields.Get(question.LinkId!);
            Assert.Equal(field.Codes, question.AnswerOption.Select(o => ((Coding)o.Value).Code));
            Assert.All(question.AnswerOption, o => Assert.Equal(KneeSpineCodeSystems.ForInputField(field.Path), ((Coding)o.Value).System));
        }
    }

    [Fact]
    public void Number_ranges_use_the_standard_minValue_and_maxValue_extensions()
    {
        var pain = Questions.Single(q => q.LinkId == "backPain.intensityNow");
        Assert.Equal(0, Assert.IsType<Integer>(pain.GetExtension(AssessmentQuestionnaire.MinValueExtension).Value).Value);
        Assert.Equal(10, Assert.IsType<Integer>(pain.GetExtension(AssessmentQuestionnaire.MaxValueExtension).Value).Value);

        var weight = Questions.Single(q => q.LinkId == "patient.weightKg");
        Assert.Equal(25m, Assert.IsType<FhirDecimal>(weight.GetExtension(AssessmentQuestionnaire.MinValueExtension).Value).Value);
        Assert.Equal(350m, Assert.IsType<FhirDecimal>(weight.GetExtension(AssessmentQuestionnaire.MaxValueExtension).Value).Value);

        Assert.Null(Questions.Single(q => q.LinkId == "redFlags.feverOrChills").GetExtension(AssessmentQuestionnaire.MinValueExtension));
    }

    [Fact]
    public void Questions_are_put_in_the_patients_words()
    {
        Assert.Equal(InputFields.Get("redFlags.feverOrChills").Question, Questions.Single(q => q.LinkId == "redFlags.feverOrChills").Text);
    }

    [Fact]
    public void A_questionnaire_stem_and_its_answer_scale_are_shown_once_before_its_items()
    {
        var displays = Questionnaire.Item.SelectMany(group => group.Item).Where(i => i.Type == Questionnaire.QuestionnaireItemType.Display).ToList();

        Assert.Equal(["stem:psychosocial.littleInterestOrPleasure", "stem:backFunction.standingUpFromChair"], displays.Select(d => d.LinkId));
        Assert.Equal(
            "Over the last 2 weeks, how often have you been bothered by the following problems? Answers: 0 = Not at all, 1 = Several days, 2 = More than half the days, 3 = Nearly every day.",
            displays[0].Text);
        Assert.StartsWith("Because of your back, how much trouble did you have with each of these in the last week?", displays[1].Text, StringComparison.Ordinal);
        var mood = Questionnaire.Item.Single(g => g.LinkId == "section:psychosocial").Item;
        Assert.Equal("stem:psychosocial.littleInterestOrPleasure", mood[0].LinkId);
        Assert.Equal("Little interest or pleasure in doing things", mood[1].Text);
        Assert.False(mood[1].Required);
        Assert.Equal(3, Assert.IsType<Integer>(mood[1].GetExtension(AssessmentQuestionnaire.MaxValueExtension).Value).Value);
    }

    [Fact]
    public void Questionnaire_matches_its_golden_file()
    {
        GoldenFile.AssertJsonEqual("questionnaire.json", FhirJson.Serialize(Questionnaire));
    }

    [Theory]
    [InlineData("psychosocial.littleInterestOrPleasure", "44250-9")]
    [InlineData("psychosocial.feelingDownDepressedOrHopeless", "44255-8")]
    [InlineData("psychosocial.feelingNervousAnxiousOrOnEdge", "69725-0")]
    [InlineData("psychosocial.unableToStopOrControlWorrying", "68509-9")]
    public void Phq2_and_gad2_items_carry_their_loinc_code_and_their_0_to_3_scale_as_answer_options(string linkId, string loinc)
    {
        var item = Questions.Single(q => q.LinkId == linkId);

        Assert.Contains(item.Code, c => c.System == "http://loinc.org" && c.Code == loinc);
        Assert.Contains(item.Code, c => c.Code == linkId);
        Assert.Equal([0, 1, 2, 3], item.AnswerOption.Select(o => Assert.IsType<Integer>(o.Value).Value!.Value));
        Assert.Contains("Not at all", item.Text + " " + string.Join(' ', Questionnaire.Item.SelectMany(g => g.Item).Select(i => i.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_four_screening_items_carry_a_loinc_code()
    {
        Assert.Equal(4, Questions.Count(q => q.Code.Any(c => c.System == "http://loinc.org")));
    }
}
