using KneeSpine.Engine.Input;
using KneeSpine.Web.Assessments.Forms;

namespace KneeSpine.Web.Tests.AssessmentForms;

public sealed class AssessmentFormReaderTests
{
    private static readonly string[] RedFlagPaths = [.. InputFields.All.Where(f => f.Section == "redFlags").Select(f => f.Path)];

    /// <summary>Every required answer (red flags "no"), with <paramref name="overrides"/>.</summary>
    internal static AssessmentFormData MinimalForm(params (string Path, string Value)[] overrides)
    {
        var answers = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["assessedOn"] = ["2026-03-20"],
            ["patient.ageYears"] = ["68"],
            ["surgery.date"] = ["2026-03-02"],
            ["surgery.anesthesia"] = ["spinal"],
            ["backPain.intensityNow"] = ["3"],
        };
        foreach (var path in RedFlagPaths)
        {
            answers[path] = ["false"];
        }

        foreach (var (path, value) in overrides)
        {
            answers[path] = [value];
        }

        return new AssessmentFormData(answers);
    }

    [Theory]
    [MemberData(nameof(RepositorySpec.ExampleNameData), MemberType = typeof(RepositorySpec))]
    public void Every_spec_example_survives_a_round_trip_through_the_form(string example)
    {
        var original = AssessmentInputReader.Read(RepositorySpec.ExampleInput(example)).Input!;

        var outcome = AssessmentFormReader.Read(AssessmentFormData.FromInput(original));

        Assert.Empty(outcome.Errors);
        Assert.Equal(AssessmentInputJson.ToJson(original), AssessmentInputJson.ToJson(outcome.Input!));
    }

    [Fact]
    public void A_minimal_form_with_every_red_flag_answered_is_valid_and_blank_optional_answers_are_left_out()
    {
        var outcome = AssessmentFormReader.Read(MinimalForm(("knee.painNow", " "), ("conditions", "")));

        Assert.Empty(outcome.Errors);
        Assert.Equal(68, outcome.Input!.Patient.AgeYears);
        Assert.Null(outcome.Input.Knee);
        Assert.Null(outcome.Input.Conditions);
    }

    [Theory]
    [MemberData(nameof(RedFlags))]
    public void An_unanswered_red_flag_is_an_error_on_that_question_never_a_no(string path)
    {
        var outcome = AssessmentFormReader.Read(MinimalForm((path, "")));

        Assert.Null(outcome.Input);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(path, error.FieldPath);
        Assert.Equal(AssessmentFormReader.RedFlagMissing, error.Message);
        Assert.Equal(FormFieldIds.For(path), error.Anchor);
    }

    public static TheoryData<string> RedFlags => [.. RedFlagPaths];

    [Fact]
    public void A_yes_to_a_red_flag_is_read_as_true()
    {
        var outcome = AssessmentFormReader.Read(MinimalForm(("redFlags.feverOrChills", "true")));

        Assert.True(outcome.Input!.RedFlags.FeverOrChills);
        Assert.False(outcome.Input.RedFlags.CalfSwellingOrPain);
    }

    [Fact]
    public void Text_in_a_number_field_is_reported_against_that_field_with_its_range()
    {
        var outcome = AssessmentFormReader.Read(MinimalForm(("backPain.intensityNow", "eleven")));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("backPain.intensityNow", error.FieldPath);
        Assert.Contains("0 to 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_are_listed_in_form_order_with_red_flags_first()
    {
        var outcome = AssessmentFormReader.Read(MinimalForm(("patient.ageYears", "7"), ("redFlags.calfSwellingOrPain", "")));

        Assert.Equal(["redFlags.calfSwellingOrPain", "patient.ageYears"], outcome.Errors.Select(e => e.FieldPath));
        Assert.NotNull(outcome.ErrorFor("patient.ageYears"));
    }

    [Fact]
    public void An_assessment_before_the_surgery_is_reported_and_linked_to_a_field()
    {
        var outcome = AssessmentFormReader.Read(MinimalForm(("assessedOn", "2026-03-01")));

        var error = Assert.Single(outcome.Errors);
        Assert.NotNull(error.FieldPath);
        Assert.Contains("on or after the day of the knee operation (2 March 2026)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choice_lists_keep_every_ticked_code_and_unknown_codes_point_at_the_list()
    {
        var form = MinimalForm().With("conditions", "diabetes", "cancer-history");
        Assert.Equal([Condition.Diabetes, Condition.CancerHistory], AssessmentFormReader.Read(form).Input!.Conditions);

        var bad = AssessmentFormReader.Read(MinimalForm().With("conditions", "diabetes", "gout"));
        Assert.Equal("conditions", Assert.Single(bad.Errors).FieldPath);
    }

    [Fact]
    public void Names_that_are_not_input_fields_are_ignored()
    {
        var form = new AssessmentFormData([new("__RequestVerificationToken", ["x"]), new("patient.ageYears", ["70"])]);

        Assert.Equal("70", form.Value("patient.ageYears"));
        Assert.Equal("", form.Value("__RequestVerificationToken"));
    }
}
