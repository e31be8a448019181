using KneeSpine.Engine.Input;
using KneeSpine.Web.Assessments.Forms;

namespace KneeSpine.Web.Tests.AssessmentForms;

/// <summary>The form's reading of answers: every problem in one pass, in the form's own words, dates from three boxes.</summary>
public sealed class FormMessagesTests
{
    [Fact]
    public void An_empty_form_reports_every_required_question_once_and_nothing_else()
    {
        var outcome = AssessmentFormReader.Read(AssessmentFormData.Empty);

        Assert.Null(outcome.Input);
        Assert.Equal(InputFields.All.Where(f => f.Required).Select(f => f.Path), outcome.Errors.Select(e => e.FieldPath));
    }

    [Fact]
    public void No_message_a_person_sees_names_a_path_a_code_or_the_iso_format()
    {
        var form = new AssessmentFormData(new Dictionary<string, string[]>
        {
            ["patient.ageYears"] = ["twelve"],
            ["patient.heightCm"] = ["999"],
            ["surgery.anesthesia"] = ["laughing-gas"],
            ["surgery.date"] = ["2026-02-31"],
            ["conditions"] = ["diabetes", "made-up"],
        });

        var outcome = AssessmentFormReader.Read(form);

        Assert.All(outcome.Errors, e => Assert.DoesNotMatch(@"[A-Za-z]\.[A-Za-z]|\[\d+\]|YYYY|laughing-gas|made-up|spinal,", e.Message));
        Assert.Contains(outcome.Errors, e => e is { FieldPath: "patient.ageYears", Message: "Enter a whole number from 18 to 120." });
        Assert.Contains(outcome.Errors, e => e is { FieldPath: "surgery.anesthesia", Message: "Choose one of the answers shown." });
        Assert.Single(outcome.Errors, e => e.FieldPath == "conditions");
    }

    [Fact]
    public void A_surgery_after_today_is_reported_once_against_today()
    {
        var today = new DateOnly(2026, 12, 7);
        var form = Minimal(("surgery.date", "2026-12-08"), ("assessedOn", "2026-12-07"));

        var outcome = AssessmentFormReader.Read(form, today);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("surgery.date", error.FieldPath);
        Assert.Equal("That date has not come yet. Today is 7 December 2026.", error.Message);
    }

    [Fact]
    public void A_check_dated_before_the_surgery_names_the_surgery_date_in_words()
    {
        var outcome = AssessmentFormReader.Read(Minimal(("surgery.date", "2026-03-02"), ("assessedOn", "2026-03-01")));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("The date of this check must be on or after the day of the knee operation (2 March 2026).", error.Message);
    }

    [Theory]
    [InlineData("7", "12", "2026", "2026-12-07")]
    [InlineData("07", "3", "2025", "2025-03-07")]
    [InlineData("", "", "", "")]
    [InlineData("31", "2", "2026", "2026-2-31")]
    [InlineData("1", "13", "2026", "2026-13-1")]
    [InlineData("1", "1", "26", "26-1-1")]
    [InlineData("x", "1", "2026", "2026-1-x")]
    public void Date_boxes_join_into_an_iso_date_only_when_they_make_a_real_one(string day, string month, string year, string expected)
    {
        var joined = DateBoxes.Join("surgery.date", new Dictionary<string, string>
        {
            ["surgery.date.day"] = day,
            ["surgery.date.month"] = month,
            ["surgery.date.year"] = year,
        });

        Assert.Equal(expected, joined);
    }

    [Fact]
    public void Date_boxes_that_were_not_posted_leave_the_field_to_its_plain_name()
    {
        var form = new AssessmentFormData(new Dictionary<string, string[]> { ["surgery.date"] = ["2026-03-02"] });

        Assert.Equal("2026-03-02", form.Value("surgery.date"));
        Assert.Equal("2", form.DatePart("surgery.date", "day"));
        Assert.Equal("3", form.DatePart("surgery.date", "month"));
    }

    [Fact]
    public void Mistyped_date_boxes_come_back_as_typed()
    {
        var form = new AssessmentFormData(new Dictionary<string, string[]>
        {
            ["surgery.date.day"] = ["31"],
            ["surgery.date.month"] = ["2"],
            ["surgery.date.year"] = ["2026"],
        });

        Assert.Equal("31", form.DatePart("surgery.date", "day"));
        Assert.Contains(AssessmentFormReader.Read(form).Errors, e => e.FieldPath == "surgery.date" && e.Message.StartsWith("Enter a real date", StringComparison.Ordinal));
    }

    private static AssessmentFormData Minimal(params (string Path, string Value)[] overrides) => AssessmentFormReaderTests.MinimalForm(overrides);
}
