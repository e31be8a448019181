using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Tests.Readability;

/// <summary>
/// Every text a patient reads is at a Flesch-Kincaid grade of 7 or lower (clinical-rules.md, "Plain
/// language"), per text block of ten words or more: headlines, the disclaimer, alert, factor and plan
/// texts with every variant, both handout lists, and every question, stem, hint and answer label of
/// the form (the fixed PHQ-2 and GAD-2 wording is exempt).
/// </summary>
public sealed class PlainLanguageTests
{
    private const double MaximumGrade = 7.0;

    public static IEnumerable<(string Where, string Text)> PatientTexts()
    {
        var kb = KnowledgeBase.Default;
        foreach (var level in Enum.GetValues<TriageLevel>())
        {
            yield return ($"headline {level}", kb.Headline(level));
        }

        yield return ("disclaimer", kb.Disclaimer);
        foreach (var alert in kb.Alerts)
        {
            yield return ($"alert {alert.Id} title", alert.Title);
            yield return ($"alert {alert.Id}", alert.Explanation);
            foreach (var variant in alert.Variants.Where(v => v.Text is not null))
            {
                yield return ($"alert {alert.Id} variant {variant.Id}", variant.Text!);
            }
        }

        foreach (var factor in kb.Factors)
        {
            yield return ($"factor {factor.Id} title", factor.Title);
            yield return ($"factor {factor.Id}", factor.Explanation);
            foreach (var variant in factor.Variants.Where(v => v.Text is not null))
            {
                yield return ($"factor {factor.Id} variant {variant.Id}", variant.Text!);
            }
        }

        foreach (var item in kb.PlanItems)
        {
            yield return ($"plan {item.Id} title", item.Title);
            yield return ($"plan {item.Id}", item.PatientText);
            foreach (var variant in item.Variants.Where(v => v.Text is not null))
            {
                yield return ($"plan {item.Id} variant {variant.Id}", variant.Text!);
            }
        }

        foreach (var (name, list) in new[] { ("emergency", kb.Handout!.Emergency), ("urgent", kb.Handout!.Urgent) })
        {
            yield return ($"handout {name} heading", list.Heading);
            if (list.Intro is { } intro)
            {
                yield return ($"handout {name} intro", intro);
            }

            foreach (var (item, index) in list.Items.Select((item, index) => (item, index)))
            {
                yield return ($"handout {name} item {index}", item.Text);
            }
        }

        foreach (var field in InputFields.All.Where(f => !f.FixedWording))
        {
            yield return ($"question {field.Path}", field.Question);
            if (field.Stem is { } stem)
            {
                yield return ($"stem {field.Path}", stem);
            }

            if (field.AnswerHint is { } hint)
            {
                yield return ($"hint {field.Path}", hint);
            }

            foreach (var label in field.AnswerLabels)
            {
                yield return ($"answer {field.Path}", label);
            }
        }
    }

    [Fact]
    public void Every_patient_text_block_of_ten_words_or_more_is_at_grade_7_or_lower()
    {
        var measured = PatientTexts().Select(t => (t.Where, t.Text, Grade: FleschKincaid.Grade(t.Text))).Where(t => t.Grade is not null).ToList();
        var tooHard = measured.Where(t => t.Grade > MaximumGrade).Select(t => $"{t.Where}: grade {t.Grade:F1}: {t.Text}").ToList();

        Assert.True(measured.Count > 120, $"only {measured.Count} blocks were measured");
        Assert.True(tooHard.Count == 0, $"{tooHard.Count} of {measured.Count} blocks are above grade {MaximumGrade}:\n" + string.Join("\n", tooHard));
    }

    [Fact]
    public void Short_labels_put_plain_words_first_with_any_medical_term_in_brackets_at_the_end()
    {
        var labels = PatientTexts().Where(t => t.Where.StartsWith("answer ", StringComparison.Ordinal) || t.Where.EndsWith(" title", StringComparison.Ordinal))
            .Where(t => FleschKincaid.Grade(t.Text) is null);

        Assert.All(labels, label =>
        {
            Assert.False(label.Text.StartsWith('('), $"{label.Where}: {label.Text}");
            var open = label.Text.IndexOf('(', StringComparison.Ordinal);
            Assert.True(open < 0 || label.Text.EndsWith(')'), $"{label.Where}: a bracketed term comes last: {label.Text}");
        });
    }
}
