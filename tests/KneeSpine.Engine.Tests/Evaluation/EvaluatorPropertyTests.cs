using System.Text;
using FsCheck;
using FsCheck.Fluent;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Results;
using KneeSpine.Engine.Tests.Support;

namespace KneeSpine.Engine.Tests.Evaluation;

/// <summary>Properties that hold for every valid assessment, checked over thousands of generated ones.</summary>
public sealed class EvaluatorPropertyTests
{
    private const int Cases = 3000;
    private static readonly KnowledgeBase Kb = KnowledgeBase.Default;
    private static readonly AssessmentEvaluator Evaluator = AssessmentEvaluator.Default;

    [Fact]
    public void Triage_is_the_highest_alert_level_or_self_care_when_none_fired() => Check(input =>
    {
        var result = Evaluator.Evaluate(input);

        var expected = result.Alerts.Count == 0 ? TriageLevel.SelfCare : result.Alerts.Max(a => a.Level);
        Assert.Equal(expected, result.Triage.Level);
        Assert.Equal(Kb.Headline(expected), result.Triage.Headline);
    });

    [Fact]
    public void The_plan_follows_the_triage_level() => Check(input =>
    {
        var result = Evaluator.Evaluate(input);
        var plan = result.PlanIds();
        var levelAlerts = result.Alerts.Where(a => a.Level == result.Triage.Level).Select(a => a.Id).ToArray();

        switch (result.Triage.Level)
        {
            case TriageLevel.Emergency:
                Assert.Equal(["emergency-care"], plan);
                Assert.Equal(levelAlerts, result.Plan[0].Because);
                break;
            case TriageLevel.Urgent:
                Assert.Equal(
                    DerivedValues.BloodThinnerReported(input.Medications) || input.Conditions?.Any(c => c is Condition.KidneyDisease or Condition.HeartDisease) == true
                        ? ["contact-care-team-today", "avoid-nsaids-and-aspirin", "self-monitor-pain"]
                        : ["contact-care-team-today", "self-monitor-pain"],
                    plan);
                Assert.Equal(levelAlerts, result.Plan[0].Because);
                break;
            case TriageLevel.Soon:
                Assert.Equal("book-clinician-review", plan[0]);
                Assert.Equal(levelAlerts, result.Plan[0].Because);
                Assert.Equal(Evaluator.Evaluate(WithoutSoonAlerts(input)).PlanIds(), plan[1..]);
                break;
            default:
                Assert.DoesNotContain(plan, id => id is "emergency-care" or "contact-care-team-today" or "book-clinician-review");
                Assert.Contains("self-monitor-pain", plan);
                break;
        }
    });

    [Fact]
    public void Every_emitted_id_and_cited_source_exists_in_the_knowledge_base() => Check(input =>
    {
        var result = Evaluator.Evaluate(input);

        Assert.All(result.Alerts, a => Assert.Equal(Kb.Alerts[a.Id].Level, a.Level));
        Assert.All(result.Factors, f => Assert.True(Kb.Factors.Contains(f.Id)));
        Assert.All(result.Plan, p => Assert.True(Kb.PlanItems.Contains(p.Id)));
        Assert.All(result.Plan.SelectMany(p => p.Because), id => Assert.True(id is "baseline" or "blood-thinner" or "kidney-disease" or "heart-disease" || Kb.Alerts.Contains(id) || Kb.Factors.Contains(id), id));
        var sourceLists = result.Alerts.Select(a => a.Sources).Concat(result.Factors.Select(f => f.Sources)).Concat(result.Plan.Select(p => p.Sources));
        Assert.All(sourceLists, sources =>
        {
            Assert.NotEmpty(sources);
            Assert.All(sources, s => Assert.True(Kb.Sources.Contains(s), s));
        });
    });

    [Fact]
    public void Lists_keep_the_order_of_the_tables() => Check(input =>
    {
        var result = Evaluator.Evaluate(input);

        var alertOrder = result.Alerts.Select(a => (-(int)a.Level, IndexOf(Kb.Alerts, a.Id))).ToArray();
        Assert.Equal(alertOrder.Order(), alertOrder);
        var factorOrder = result.Factors.Select(f => IndexOf(Kb.Factors, f.Id)).ToArray();
        Assert.Equal(factorOrder.Order(), factorOrder);
        var planOrder = result.Plan.Select(p => IndexOf(Kb.PlanItems, p.Id)).ToArray();
        Assert.Equal(planOrder.Distinct().Order(), planOrder);
    });

    [Fact]
    public void Rules_report_answers_that_were_given_or_whose_absence_made_them_fire_each_once() => Check(input =>
    {
        var result = Evaluator.Evaluate(input);

        var reported = result.Alerts.Select(a => (a.Id, a.TriggeredBy)).Concat(result.Factors.Select(f => (f.Id, f.TriggeredBy)));
        Assert.All(reported, finding =>
        {
            Assert.NotEmpty(finding.TriggeredBy);
            Assert.Equal(finding.TriggeredBy.Count, finding.TriggeredBy.Distinct().Count());
            Assert.All(finding.TriggeredBy, path => Assert.True(InputPresence.IsAnswered(input, path) || InputPresence.AbsenceCounts(finding.Id, path), $"{finding.Id}: {path}"));
        });
    });

    [Fact]
    public void Every_result_is_valid_against_the_specification_result_schema()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(RepositorySpec.ResultSchemaPath));
        var root = schema.RootElement.Clone();

        Check(input =>
        {
            using var result = System.Text.Json.JsonDocument.Parse(AssessmentResultJson.ToJson(Evaluator.Evaluate(input)));
            Assert.Empty(MiniJsonSchema.Validate(root, result.RootElement));
        });
    }

    [Fact]
    public void Scores_come_from_the_questionnaires_only_and_never_change_the_triage() => Check(input =>
    {
        var result = Evaluator.Evaluate(input);
        var without = Evaluator.Evaluate(input with { BackFunction = null });

        Assert.Equal(DerivedValues.Scores(input), result.Scores);
        Assert.Equal(result.Triage, without.Triage);
        Assert.Equal(result.AlertIds(), without.AlertIds());
        Assert.Equal(result.PlanIds(), without.PlanIds());
    });

    [Fact]
    public void Evaluation_is_deterministic_and_the_json_round_trips() => Check(input =>
    {
        var result = Evaluator.Evaluate(input);
        var json = AssessmentResultJson.ToJson(result);

        Assert.Equal(json, AssessmentResultJson.ToJson(Evaluator.Evaluate(input)));
        var read = AssessmentResultJson.Read(Encoding.UTF8.GetBytes(json));
        AssessmentResultJsonTests.AssertSameResult(result, read);
        Assert.Equal(json, AssessmentResultJson.ToJson(read));
    });

    [Fact]
    public void The_generated_assessments_reach_every_level_alert_factor_certainty_and_plan_item()
    {
        var results = Gen.Sample(AssessmentGenerators.Assessment, 1000, new Rnd(20261125), Cases).Select(Evaluator.Evaluate).ToArray();

        Assert.Equal(Enum.GetValues<TriageLevel>().Order(), results.Select(r => r.Triage.Level).Distinct().Order());
        var reached = results.SelectMany(r => r.AlertIds()).ToHashSet();
        Assert.True(Kb.Alerts.All(a => reached.Contains(a.Id)), $"Not reached in {results.Length} assessments: " + string.Join(", ", Kb.Alerts.Select(a => a.Id).Where(id => !reached.Contains(id))));
        Assert.Equal(
            Kb.Factors.SelectMany(f => new[] { (f.Id, Certainty.Likely), (f.Id, Certainty.Possible) })
                .Where(p => p is not ("unmasked-back-pain", Certainty.Likely) and not ("trunk-muscle-weakness", Certainty.Possible)
                    and not ("fear-of-movement", Certainty.Likely) and not ("psychological-distress", Certainty.Possible)).Order(),
            results.SelectMany(r => r.Factors.Select(f => (f.Id, f.Certainty))).Distinct().Order());
        Assert.Equal(Kb.PlanItems.Select(p => p.Id).Order(), results.SelectMany(r => r.PlanIds()).Distinct().Order());
        Assert.All(results, r => Assert.Empty(r.Notes));
    }

    private static void Check(Action<AssessmentInput> property) =>
        Prop.ForAll(Arb.From(AssessmentGenerators.Assessment), property)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true));

    /// <summary>The same assessment with the soon-level answers taken back: what self-care would give.</summary>
    private static AssessmentInput WithoutSoonAlerts(AssessmentInput input) => input with
    {
        BackPain = input.BackPain with
        {
            WorseAtNightAtRest = null,
            PainBelowKnee = null,
            IntensityNow = input.AssessedOn.DayNumber - input.Surgery.Date.DayNumber >= 42 && input.BackPain.IntensityNow.Value >= 4
                ? new PainScore(Math.Min(3, input.BackPain.IntensityNow.Value))
                : input.BackPain.IntensityNow,
        },
    };

    private static int IndexOf<T>(DefinitionList<T> list, string id) where T : IKnowledgeItem =>
        list.Select((item, index) => (item, index)).Single(p => p.item.Id == id).index;
}
