using System.Text.Json.Nodes;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Web.Charts;
using KneeSpine.Web.Handouts;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Handouts;

/// <summary>The two lists of the printed handout (clinical-rules.md, "Printed handout"), as the knowledge base holds them and as printed.</summary>
public sealed class HandoutSignsTests
{
    /// <summary>The spec's general advice, the one item of the ambulance list that no alert fires on.</summary>
    private const string GeneralAdvice = "Sudden, very bad pain in your back or belly, and you feel faint, dizzy or sweaty.";

    // Signs on which only an urgent alert fires (A5 fever, A6 wound, A7 fall, A8 calf, A9 weight, A10 rest and position,
    // A14 foot that cannot be lifted): none of them may be named on their own on the ambulance list.
    private static readonly string[] UrgentOnlySigns =
        ["38 °C", "chills", "wound", "a fall", "calf", "weight", "changing position", "cannot lift your foot"];

    private static HandoutLists Lists => KnowledgeBase.Default.Handout!;

    [Fact]
    public void Every_emergency_and_urgent_alert_of_the_knowledge_base_is_on_its_own_list()
    {
        foreach (var (level, list) in new[] { (TriageLevel.Emergency, Lists.Emergency), (TriageLevel.Urgent, Lists.Urgent) })
        {
            var alerts = KnowledgeBase.Default.Alerts.Where(a => a.Level == level).Select(a => a.Id).ToArray();
            var listed = list.Items.SelectMany(i => i.Alerts).ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(alerts);
            Assert.All(alerts, id => Assert.Contains(id, listed));
            Assert.All(listed, id => Assert.Equal(level, KnowledgeBase.Default.Alerts[id].Level));
        }
    }

    [Fact]
    public void No_item_of_the_ambulance_list_names_a_sign_on_which_only_an_urgent_alert_fires()
    {
        var general = Assert.Single(Lists.Emergency.Items, i => i.Alerts.Count == 0);
        Assert.Equal(GeneralAdvice, general.Text);
        foreach (var item in Lists.Emergency.Items)
        {
            Assert.All(UrgentOnlySigns, sign => Assert.DoesNotContain(sign, item.Text, StringComparison.OrdinalIgnoreCase));
        }

        // The same signs are on the same-day list, so the check above looks for words that are really used.
        Assert.All(UrgentOnlySigns, sign => Assert.Contains(Lists.Urgent.Items, i => i.Text.Contains(sign, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void The_handout_prints_both_lists_with_their_headings_and_lead_line_and_no_conditional_item_without_its_condition()
    {
        var text = PrintedText(Calm());

        Assert.Contains(Lists.Emergency.Heading, text, StringComparison.Ordinal);
        Assert.Contains(Lists.Urgent.Heading, text, StringComparison.Ordinal);
        Assert.Contains("If you also have a sign from the first list, call an ambulance instead.", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf(Lists.Emergency.Heading, StringComparison.Ordinal) < text.IndexOf(Lists.Urgent.Heading, StringComparison.Ordinal));
        Assert.All(Lists.Emergency.Items, i => Assert.Contains(i.Text, text, StringComparison.Ordinal));
        Assert.All(Lists.Urgent.Items.Where(i => i.ShowWhen is null), i => Assert.Contains(i.Text, text, StringComparison.Ordinal));
        Assert.All(Lists.Urgent.Items.Where(i => i.ShowWhen is not null), i => Assert.DoesNotContain(i.Text, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Cancer_history_and_diabetes_add_their_conditional_items_to_the_same_day_list()
    {
        var input = Calm();
        input["conditions"] = new JsonArray("cancer-history", "diabetes");

        var text = PrintedText(input);

        Assert.Contains("If you have had cancer, back pain that started after the operation.", text, StringComparison.Ordinal);
        Assert.Contains("You feel shivery or unwell, even if you do not have a fever.", text, StringComparison.Ordinal);
    }

    private static JsonObject Calm() => Inputs.Valid(new DateOnly(2026, 3, 20), daysSinceSurgery: 20, backPain: 2);

    private static string PrintedText(JsonObject json)
    {
        var input = AssessmentInputReader.Read(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString())).Input!;
        var result = AssessmentEvaluator.Default.Evaluate(input);
        PainPoint[] history = [new(input.AssessedOn, result.DaysSinceSurgery, input.BackPain.IntensityNow, input.Knee?.PainNow)];
        var pdf = HandoutPdf.Create(HandoutFactory.Create("Test Patient", input.AssessedOn, result, history, input));
        return Normalise(string.Join(' ', PdfText.Pages(pdf)));
    }

    private static string Normalise(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\\s+", " ");
}
