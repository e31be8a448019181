using KneeSpine.Engine.Input;
using KneeSpine.Engine.Tests.Support;
using static KneeSpine.Engine.Tests.Support.ClinicalRulesDocument;

namespace KneeSpine.Engine.Tests.Input;

/// <summary>
/// The patient wording of every field against spec/clinical-rules.md: the red-flag table (question
/// and period), the questionnaires and the table of the other questions (question and answer labels).
/// The curly-quoted wording of the specification fixes the meaning; the catalogue uses it as written.
/// </summary>
public sealed class SpecWordingTests
{
    private static readonly ClinicalRulesDocument Spec = ClinicalRulesDocument.Load();

    [Fact]
    public void Red_flag_questions_and_periods_are_the_red_flag_table_in_order()
    {
        var rows = Spec.Table("Red-flag questions");
        var flags = InputFields.All.Where(f => f.Section == "redFlags").ToList();

        Assert.Equal(rows.Select(r => "redFlags." + Code(r[0])), flags.Select(f => f.Path));
        Assert.All(rows.Zip(flags), pair =>
        {
            var (row, field) = pair;
            Assert.Equal(Quoted(row[1]).Single(), field.Question);
            Assert.Equal(row[3], field.Period);
        });
    }

    [Fact]
    public void Other_questions_use_the_spec_wording_and_answer_labels()
    {
        var rows = Spec.Table("Other questions that the rules use");

        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            var field = InputFields.Get(Code(row[0]));
            var question = Quoted(row[1]).Single();
            if (field.Path == "conditions")
            {
                // The table adds "(choose all that apply)" outside the quotes; the catalogue says it in the question.
                Assert.StartsWith(question, field.Question, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal((field.Path, question), (field.Path, field.Question));
            }

            var labels = Quoted(row[2]);
            if (field.Kind is FieldKind.Choice or FieldKind.ChoiceList)
            {
                // "`code` “label”" pairs; a label without a code is the answer that leaves the field out.
                var codes = CodeSpans(row[2]);
                Assert.True(codes.SequenceEqual(field.Codes), $"{field.Path}: codes {string.Join(", ", field.Codes)}");
                Assert.True(labels.Take(codes.Length).SequenceEqual(field.AnswerLabels), $"{field.Path}: labels {string.Join(" | ", field.AnswerLabels)}");
                Assert.Equal(labels.Skip(codes.Length).SingleOrDefault(), field.LeaveOutLabel);
            }
            else if (field.Kind == FieldKind.Boolean)
            {
                Assert.Equal("yes / no", row[2]);
                Assert.Equal(["Yes", "No"], field.AnswerLabels);
            }
            else
            {
                Assert.Equal((field.Path, row[2]), (field.Path, field.AnswerHint));
            }
        });
    }

    [Fact]
    public void Questionnaire_items_use_the_spec_wording()
    {
        var psychosocial = Spec.Table("Optional questionnaires");
        Assert.All(psychosocial, row =>
        {
            var field = InputFields.Get("psychosocial." + Code(row[0]));
            var quoted = Quoted(row[1]);
            Assert.Equal(quoted.Length == 1 ? quoted[0] : row[1], field.Question);
        });

        var backFunction = Spec.Table("Optional back-function items");
        Assert.All(backFunction, row => Assert.Equal(Quoted(row[1]).Single(), InputFields.Get("backFunction." + Code(row[0])).Question));
        Assert.Equal("Because of your back, how much trouble did you have with each of these in the last week?", InputFields.Get("backFunction.walking15Minutes").Stem);
        Assert.Equal("Over the last 2 weeks, how often have you been bothered by the following problems?", InputFields.Get("psychosocial.littleInterestOrPleasure").Stem);
    }

    /// <summary>Every “curly-quoted” span of a cell, in order.</summary>
    private static string[] Quoted(string cell) =>
        [.. cell.Split('“').Skip(1).Select(part => part[..part.IndexOf('”', StringComparison.Ordinal)])];
}
