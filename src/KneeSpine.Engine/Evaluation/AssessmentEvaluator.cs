using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Evaluation;

/// <summary>Evaluates a valid assessment against a knowledge base. Pure and deterministic: no clock, no I/O.</summary>
/// <remarks>
/// The firing conditions are the specification's (clinical-rules.md) and live in code; ids, levels,
/// texts and citations come from the knowledge base. Every finding a rule can produce is built
/// when the evaluator is created, so evaluation allocates little. Instances are immutable and
/// safe to share between threads.
/// </remarks>
public sealed class AssessmentEvaluator
{
    private static readonly Lazy<AssessmentEvaluator> DefaultInstance = new(() => new(KnowledgeBase.Default));

    private readonly CompiledRules rules;

    /// <summary>Creates an evaluator over <paramref name="knowledgeBase"/>.</summary>
    /// <param name="knowledgeBase">The clinical content to apply.</param>
    public AssessmentEvaluator(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        if (knowledgeBase.IsArchived)
        {
            throw new ArgumentException($"Knowledge base {knowledgeBase.Version} is kept only to display results made under it; new assessments are evaluated under {KnowledgeBase.Default.Version}.", nameof(knowledgeBase));
        }

        KnowledgeBase = knowledgeBase;
        rules = new CompiledRules(knowledgeBase);
    }

    /// <summary>An evaluator over <see cref="KnowledgeBase.Default"/>.</summary>
    /// <exception cref="KnowledgeBaseException">The embedded knowledge base is broken.</exception>
    public static AssessmentEvaluator Default => DefaultInstance.Value;

    /// <summary>The knowledge base applied.</summary>
    public KnowledgeBase KnowledgeBase { get; }

    /// <summary>Evaluates one assessment.</summary>
    /// <param name="input">A valid assessment (see <see cref="AssessmentInputValidator"/>); an omitted optional field never fires a rule.</param>
    /// <returns>Triage, alerts, factors and plan, ordered as assessment-result.schema.json says.</returns>
    /// <exception cref="ArgumentException"><c>assessedOn</c> is before <c>surgery.date</c>, or height or weight is not positive.</exception>
    public AssessmentResult Evaluate(AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var facts = Facts.Of(input);

        Span<Firing> alerts = stackalloc Firing[AlertRules.Count];
        AlertRules.Evaluate(input, facts, alerts);
        Span<Firing> factors = stackalloc Firing[FactorRules.Count];
        FactorRules.Evaluate(input, facts, factors);

        var level = TriageLevel.SelfCare;
        var alertCount = 0;
        for (var i = 0; i < alerts.Length; i++)
        {
            if (alerts[i].Fired)
            {
                alertCount++;
                level = rules.AlertLevels[i] > level ? rules.AlertLevels[i] : level;
            }
        }

        var levelAlerts = rules.LevelAlerts[(int)level];
        var triageArms = 0;
        for (var bit = 0; bit < levelAlerts.Length; bit++)
        {
            triageArms |= alerts[levelAlerts[bit]].Fired ? 1 << bit : 0;
        }

        Span<Firing> plan = stackalloc Firing[PlanRules.Count];
        PlanRules.Evaluate(input, facts, factors, level, triageArms, plan);

        return new AssessmentResult(
            KnowledgeBase.Version,
            facts.Days,
            facts.PainSeverity,
            facts.BodyMassIndex,
            rules.Triages[(int)level],
            AlertFindings(alerts, alertCount),
            Findings(factors, rules.Factors),
            Findings(plan, rules.Plan),
            [])
        {
            Scores = facts.Scores,
        };
    }

    private AlertFinding[] AlertFindings(ReadOnlySpan<Firing> alerts, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var findings = new AlertFinding[count];
        var next = 0;
        foreach (var i in rules.AlertOrder)
        {
            if (alerts[i].Fired)
            {
                findings[next++] = rules.Alerts[i].Get(alerts[i]);
            }
        }

        return findings;
    }

    private static T[] Findings<T>(ReadOnlySpan<Firing> fired, FindingTable<T>[] tables) where T : class
    {
        var count = 0;
        foreach (var firing in fired)
        {
            count += firing.Fired ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var findings = new T[count];
        var next = 0;
        for (var i = 0; i < fired.Length; i++)
        {
            if (fired[i].Fired)
            {
                findings[next++] = tables[i].Get(fired[i]);
            }
        }

        return findings;
    }
}
