using System.Collections.ObjectModel;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Evaluation;

/// <summary>
/// The rules bound to one knowledge base: levels, output order and every possible finding,
/// precomputed so that evaluation allocates only the result and its three lists.
/// </summary>
internal sealed class CompiledRules
{
    private const int LevelCount = (int)TriageLevel.Emergency + 1;

    public CompiledRules(KnowledgeBase knowledgeBase)
    {
        var alertShapes = AlertRules.Shapes;
        var alertDefinitions = alertShapes.Select(shape => knowledgeBase.Alerts[shape.Id]).ToArray();
        AlertLevels = [.. alertDefinitions.Select(alert => alert.Level)];

        AlertOrder = [.. Enumerable.Range(0, alertShapes.Length).OrderByDescending(i => AlertLevels[i]).ThenBy(i => i)];
        LevelAlerts = new int[LevelCount][];
        for (var level = 0; level < LevelCount; level++)
        {
            LevelAlerts[level] = [.. Enumerable.Range(0, alertShapes.Length).Where(i => (int)AlertLevels[i] == level)];
        }

        Alerts = [.. alertShapes.Select((shape, i) => AlertTable(shape, alertDefinitions[i]))];
        Factors = [.. FactorRules.Shapes.Select(shape => FactorTable(shape, knowledgeBase.Factors[shape.Id]))];
        Plan = [.. PlanRules.Shapes.Select(shape => PlanTable(shape, knowledgeBase.PlanItems[shape.Id], alertDefinitions))];
        Triages = [.. Enumerable.Range(0, LevelCount).Select(level => new Triage((TriageLevel)level, knowledgeBase.Headline((TriageLevel)level)))];
        PreEncodeTexts();
    }

    public TriageLevel[] AlertLevels { get; }

    /// <summary>Alert indexes by level (highest first), then table order: the order of a result's alerts.</summary>
    public int[] AlertOrder { get; }

    /// <summary>Per level, the indexes of its alerts in table order.</summary>
    public int[][] LevelAlerts { get; }

    public FindingTable<AlertFinding>[] Alerts { get; }

    public FindingTable<FactorFinding>[] Factors { get; }

    public FindingTable<PlanItem>[] Plan { get; }

    public Triage[] Triages { get; }

    private void PreEncodeTexts()
    {
        foreach (var triage in Triages)
        {
            EncodedTexts.Add(triage.Headline);
        }

        foreach (var finding in Alerts.SelectMany(t => t.All))
        {
            EncodedTexts.Add(finding.Explanation);
        }

        foreach (var finding in Factors.SelectMany(t => t.All))
        {
            EncodedTexts.Add(finding.Explanation);
        }

        foreach (var item in Plan.SelectMany(t => t.All))
        {
            EncodedTexts.Add(item.PatientText);
            EncodedTexts.Add(item.ClinicianText);
        }
    }

    private static FindingTable<AlertFinding> AlertTable(RuleShape shape, AlertDefinition definition)
    {
        var paths = ArmLists(shape.Arms);
        return new(shape.Arms.Length, shape.Variants.Length, withCertainty: false, (arms, variants, _) =>
            new AlertFinding(definition.Id, definition.Level, Compose(definition.Explanation, definition.Variants, shape.Variants, variants, v => v.Text), paths[arms], definition.Sources));
    }

    private static FindingTable<FactorFinding> FactorTable(RuleShape shape, FactorDefinition definition)
    {
        var paths = ArmLists(shape.Arms);
        return new(shape.Arms.Length, shape.Variants.Length, withCertainty: true, (arms, variants, certainty) =>
            new FactorFinding(definition.Id, certainty, Compose(definition.Explanation, definition.Variants, shape.Variants, variants, v => v.Text), paths[arms], definition.Sources));
    }

    private FindingTable<PlanItem> PlanTable(RuleShape shape, PlanItemDefinition definition, AlertDefinition[] alerts)
    {
        var because = shape.Arms;
        var sources = Array.Empty<IReadOnlyList<string>>();
        if (shape.TriageLevel is { } level)
        {
            // A triage item is there because of the alerts of its level that fired, and cites their sources.
            var levelAlerts = LevelAlerts[(int)level].Select(i => alerts[i]).ToArray();
            because = [.. levelAlerts.Select(a => new[] { a.Id })];
            sources = ArmLists([.. levelAlerts.Select(a => a.Sources.ToArray())], distinct: true);
        }

        var reasons = ArmLists(because);
        return new(because.Length, shape.Variants.Length, withCertainty: false, (arms, variants, _) => new PlanItem(
            definition.Id,
            reasons[arms],
            Compose(definition.PatientText, definition.Variants, shape.Variants, variants, v => v.Text),
            definition.ClinicianText is null ? null : Compose(definition.ClinicianText, definition.Variants, shape.Variants, variants, v => v.ClinicianText),
            shape.TriageLevel is null ? definition.Sources : sources[arms]));
    }

    /// <summary>Per combination of arm bits, the arms' items concatenated in arm order.</summary>
    private static IReadOnlyList<string>[] ArmLists(string[][] arms, bool distinct = false)
    {
        var lists = new IReadOnlyList<string>[1 << arms.Length];
        for (var mask = 1; mask < lists.Length; mask++)
        {
            var items = Enumerable.Range(0, arms.Length).Where(arm => (mask & 1 << arm) != 0).SelectMany(arm => arms[arm]);
            lists[mask] = ReadOnly([.. distinct ? items.Distinct(StringComparer.Ordinal) : items]);
        }

        return lists;
    }

    private static string Compose(string text, IReadOnlyList<TextVariant> definitions, string[] variantNames, int variants, Func<TextVariant, string?> part)
    {
        for (var bit = 0; bit < variantNames.Length; bit++)
        {
            if ((variants & 1 << bit) != 0
                && definitions.First(v => v.Id == variantNames[bit]) is var variant
                && part(variant) is { } fragment)
            {
                // A replacing variant is a whole text of its own (A3 when the anaesthetic is unknown).
                text = variant.Replaces ? fragment : text + " " + fragment;
            }
        }

        return text;
    }

    private static ReadOnlyCollection<string> ReadOnly(string[] items) => Array.AsReadOnly(items);
}
