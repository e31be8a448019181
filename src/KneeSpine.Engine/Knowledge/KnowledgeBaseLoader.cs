using System.Collections.ObjectModel;
using System.Text.Json;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Knowledge;

/// <summary>
/// Reads the knowledge-base file and checks what its schema cannot: unique ids, cited sources that
/// exist, valid levels, and one definition (in table order) for every rule the engine implements.
/// </summary>
internal sealed class KnowledgeBaseLoader
{
    private readonly List<string> problems = [];
    private readonly HashSet<string> sourceIds = new(StringComparer.Ordinal);

    /// <summary>
    /// An archived knowledge base is loaded only to display the results made under it: its entries are
    /// not matched against the rules of this engine, which implements a later specification.
    /// </summary>
    private readonly bool archived;

    private KnowledgeBaseLoader(bool archived)
    {
        this.archived = archived;
    }

    public static KnowledgeBase Load(ReadOnlySpan<byte> utf8Json, bool archived = false)
    {
        KnowledgeBaseDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, KnowledgeBaseJsonContext.Default.KnowledgeBaseDocument);
        }
        catch (JsonException exception)
        {
            throw new KnowledgeBaseException($"The knowledge base does not match its schema at {exception.Path ?? "$"}: {exception.Message}", exception);
        }

        return document is null
            ? throw new KnowledgeBaseException(["The knowledge base is empty: the document is null."])
            : new KnowledgeBaseLoader(archived).Build(document);
    }

    private KnowledgeBase Build(KnowledgeBaseDocument document)
    {
        Text("knowledgeBaseVersion", document.KnowledgeBaseVersion);
        Text("disclaimer", document.Disclaimer);
        var headlines = new string[(int)TriageLevel.Emergency + 1];
        headlines[(int)TriageLevel.SelfCare] = Text("headlines.self-care", document.Headlines.SelfCare);
        headlines[(int)TriageLevel.Soon] = Text("headlines.soon", document.Headlines.Soon);
        headlines[(int)TriageLevel.Urgent] = Text("headlines.urgent", document.Headlines.Urgent);
        headlines[(int)TriageLevel.Emergency] = Text("headlines.emergency", document.Headlines.Emergency);

        var sources = Sources(document.Sources);
        var alerts = Alerts(document.Alerts);
        var factors = Factors(document.Factors);
        var planItems = PlanItems(document.PlanItems, alerts);
        var notes = Notes(document.Notes);
        var handout = Handout(document.Handout, alerts);

        return problems.Count > 0
            ? throw new KnowledgeBaseException(problems)
            : new KnowledgeBase(document.KnowledgeBaseVersion, document.Disclaimer, headlines, new(alerts), new(factors), new(planItems), new(notes), new(sources))
            {
                Handout = handout,
                IsArchived = archived,
            };
    }

    private HandoutLists? Handout(KnowledgeBaseDocument.HandoutSet? handout, List<AlertDefinition> alerts)
    {
        if (handout is null)
        {
            if (!archived)
            {
                problems.Add("handout: the two lists of the printed handout are missing.");
            }

            return null;
        }

        return new(HandoutList("handout.emergency", handout.Emergency, TriageLevel.Emergency, alerts), HandoutList("handout.urgent", handout.Urgent, TriageLevel.Urgent, alerts));
    }

    /// <summary>A handout list may name only alerts of its own level, and must name every one of them.</summary>
    private HandoutList HandoutList(string where, KnowledgeBaseDocument.HandoutListEntry list, TriageLevel level, List<AlertDefinition> alerts)
    {
        var items = new List<HandoutItem>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            var at = $"{where}.items[{i}]";
            foreach (var id in item.Alerts)
            {
                if (alerts.Find(a => a.Id == id) is not { } alert)
                {
                    problems.Add($"{at}.alerts: '{id}' is not an alert.");
                }
                else if (alert.Level != level)
                {
                    problems.Add($"{at}.alerts: '{id}' is {Code<TriageLevel>.ToCode(alert.Level)}, not {Code<TriageLevel>.ToCode(level)}: each list holds only signs of its own level.");
                }
            }

            if (item.ShowWhen is { } condition && !HandoutItem.Conditions.Contains(condition, StringComparer.Ordinal))
            {
                problems.Add($"{at}.showWhen: the engine has no condition '{condition}' (known: {string.Join(", ", HandoutItem.Conditions)}).");
            }

            items.Add(new(Array.AsReadOnly(item.Alerts.ToArray()), Text(at + ".text", item.Text), item.ShowWhen));
        }

        foreach (var missing in alerts.Where(a => a.Level == level && !items.Any(i => i.Alerts.Contains(a.Id, StringComparer.Ordinal))))
        {
            problems.Add($"{where}: the {Code<TriageLevel>.ToCode(level)} alert '{missing.Id}' has no sign on this list.");
        }

        if (list.Intro is not null)
        {
            Text(where + ".intro", list.Intro);
        }

        return new(Text(where + ".heading", list.Heading), list.Intro, Array.AsReadOnly(items.ToArray()));
    }

    private List<SourceDefinition> Sources(IReadOnlyList<KnowledgeBaseDocument.Source> sources)
    {
        var definitions = new List<SourceDefinition>();
        foreach (var source in sources)
        {
            var where = $"sources['{source.Id}']";
            Id("sources", source.Id);
            if (!sourceIds.Add(source.Id))
            {
                problems.Add($"{where}: the id is used twice.");
            }

            definitions.Add(Source(where, source));
        }

        return definitions;
    }

    private SourceDefinition Source(string where, KnowledgeBaseDocument.Source source)
    {
        foreach (var author in source.Authors)
        {
            Text(where + ".authors", author);
        }

        if (source.Authors.Count == 0 && source.Label is null)
        {
            problems.Add($"{where}: a source without authors needs a label.");
        }

        if (source.Year is { } year && source.Publication is { } publication
            && !publication.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            problems.Add($"{where}.publication: does not contain the year {year}.");
        }

        if (source.Link is { } link && (!link.IsAbsoluteUri || link.Scheme != Uri.UriSchemeHttps || link.Host is not ("doi.org" or "pubmed.ncbi.nlm.nih.gov")))
        {
            problems.Add($"{where}.link: only a https DOI or PubMed link is allowed.");
        }

        return new SourceDefinition(
            source.Id,
            source.Authors,
            source.MoreAuthors,
            source.Year,
            Text(where + ".title", source.Title),
            source.Publication is null ? null : Text(where + ".publication", source.Publication),
            source.Note is null ? null : Text(where + ".note", source.Note),
            source.Link,
            source.Label is null ? null : Text(where + ".label", source.Label));
    }

    private List<AlertDefinition> Alerts(IReadOnlyList<KnowledgeBaseDocument.Alert> alerts)
    {
        var definitions = new List<AlertDefinition>();
        foreach (var (alert, shape) in Matched("alerts", alerts, a => a.Id, AlertRules.Shapes))
        {
            var where = $"alerts['{alert.Id}']";
            if (!Code<TriageLevel>.TryParse(alert.Level, out var level) || level == TriageLevel.SelfCare)
            {
                problems.Add($"{where}.level: '{alert.Level}' is not one of emergency, urgent, soon.");
            }

            definitions.Add(new(
                alert.Id,
                level,
                Text(where + ".title", alert.Title),
                Text(where + ".explanation", alert.Explanation),
                Text(where + ".clinicianText", alert.ClinicianText),
                Cited(where, alert.Sources),
                Variants(where, alert.Variants, shape, clinicianText: false)));
        }

        return definitions;
    }

    private List<FactorDefinition> Factors(IReadOnlyList<KnowledgeBaseDocument.Factor> factors)
    {
        var definitions = new List<FactorDefinition>();
        foreach (var (factor, shape) in Matched("factors", factors, f => f.Id, FactorRules.Shapes))
        {
            var where = $"factors['{factor.Id}']";
            definitions.Add(new(
                factor.Id,
                Text(where + ".title", factor.Title),
                Text(where + ".seedHeading", factor.SeedHeading),
                Text(where + ".explanation", factor.Explanation),
                Cited(where, factor.Sources),
                Variants(where, factor.Variants, shape, clinicianText: false)));
        }

        return definitions;
    }

    private List<PlanItemDefinition> PlanItems(IReadOnlyList<KnowledgeBaseDocument.PlanItem> items, List<AlertDefinition> alerts)
    {
        var definitions = new List<PlanItemDefinition>();
        foreach (var (item, shape) in Matched("planItems", items, p => p.Id, PlanRules.Shapes))
        {
            var where = $"planItems['{item.Id}']";
            IReadOnlyList<string> sources;
            if (archived && item.Sources is null)
            {
                // An archived triage item cited the sources of the alerts that fired; the stored results hold them.
                sources = Array.AsReadOnly(Array.Empty<string>());
            }
            else if (shape.TriageLevel is { } level)
            {
                if (item.Sources is not null)
                {
                    problems.Add($"{where}.sources: a triage item cites the sources of the alerts that put it in the plan; remove its own list.");
                }

                sources = Array.AsReadOnly(alerts.Where(a => a.Level == level).SelectMany(a => a.Sources).Distinct(StringComparer.Ordinal).ToArray());
            }
            else
            {
                sources = Cited(where, item.Sources);
            }

            definitions.Add(new(
                item.Id,
                Text(where + ".title", item.Title),
                Text(where + ".patientText", item.PatientText),
                item.ClinicianText is null ? null : Text(where + ".clinicianText", item.ClinicianText),
                sources,
                Variants(where, item.Variants, shape, clinicianText: item.ClinicianText is not null)));
        }

        return definitions;
    }

    private List<NoteDefinition> Notes(IReadOnlyList<KnowledgeBaseDocument.Note> notes)
    {
        var definitions = new List<NoteDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var note in notes)
        {
            var where = $"notes['{note.Id}']";
            if (!ids.Add(note.Id))
            {
                problems.Add($"{where}: the id is used twice.");
            }
            else if (!archived)
            {
                // Version 2 has no notes: A3 itself now counts an unknown blood thinner.
                problems.Add($"{where}: the engine has no rule for this note.");
            }

            definitions.Add(new(note.Id, Text(where + ".text", note.Text)));
        }

        return definitions;
    }

    /// <summary>Pairs each entry with the rule of the same id; the entries must be exactly the rules, in table order.</summary>
    private List<(T Entry, RuleShape Shape)> Matched<T>(string section, IReadOnlyList<T> entries, Func<T, string> id, RuleShape[] shapes)
    {
        var ids = entries.Select(id).ToArray();
        if (archived)
        {
            // Display only: each entry stands for itself, with whatever variants it declares.
            return [.. entries.Select(e => (e, new RuleShape(id(e), [], [])))];
        }

        foreach (var duplicate in ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{section}['{duplicate.Key}']: the id is used twice.");
        }

        foreach (var unknown in ids.Except(shapes.Select(s => s.Id), StringComparer.Ordinal))
        {
            problems.Add($"{section}['{unknown}']: the engine has no rule with this id.");
        }

        foreach (var missing in shapes.Select(s => s.Id).Except(ids, StringComparer.Ordinal))
        {
            problems.Add($"{section}: '{missing}' is missing.");
        }

        if (ids.Length == shapes.Length && !ids.SequenceEqual(shapes.Select(s => s.Id), StringComparer.Ordinal))
        {
            problems.Add($"{section}: entries must follow the order of the specification's table: {string.Join(", ", shapes.Select(s => s.Id))}.");
        }

        var byId = shapes.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return [.. entries.Where(e => byId.ContainsKey(id(e))).Select(e => (e, byId[id(e)]))];
    }

    private ReadOnlyCollection<string> Cited(string where, IReadOnlyList<string>? sources)
    {
        if (sources is null || sources.Count == 0)
        {
            problems.Add($"{where}.sources: at least one source must be cited.");
            return Array.AsReadOnly(Array.Empty<string>());
        }

        foreach (var source in sources)
        {
            if (!sourceIds.Contains(source))
            {
                problems.Add($"{where}.sources: '{source}' is not in the sources list.");
            }
        }

        if (sources.Distinct(StringComparer.Ordinal).Count() != sources.Count)
        {
            problems.Add($"{where}.sources: a source is cited twice.");
        }

        return Array.AsReadOnly(sources.ToArray());
    }

    private ReadOnlyCollection<TextVariant> Variants(string where, IReadOnlyList<KnowledgeBaseDocument.Variant>? variants, RuleShape shape, bool clinicianText)
    {
        variants ??= [];
        var ids = variants.Select(v => v.Id).ToArray();
        foreach (var variant in variants)
        {
            var at = $"{where}.variants['{variant.Id}']";
            if (!archived && !shape.Variants.Contains(variant.Id, StringComparer.Ordinal))
            {
                problems.Add($"{at}: the engine has no condition of this name for '{shape.Id}' (known: {string.Join(", ", shape.Variants)}).");
            }

            if (variant.Text is null && variant.ClinicianText is null)
            {
                problems.Add($"{at}: needs a text or a clinicianText.");
            }

            if (variant.Replaces && variant.Text is null)
            {
                problems.Add($"{at}: a replacing variant needs a text.");
            }

            if (variant.ClinicianText is not null && !clinicianText)
            {
                problems.Add($"{at}.clinicianText: this entry has no clinician text to extend.");
            }

            Optional(at + ".text", variant.Text);
            Optional(at + ".clinicianText", variant.ClinicianText);
        }

        foreach (var missing in archived ? [] : shape.Variants.Except(ids, StringComparer.Ordinal))
        {
            problems.Add($"{where}.variants: '{missing}' is missing.");
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            problems.Add($"{where}.variants: a variant id is used twice.");
        }

        return Array.AsReadOnly(variants.Select(v => new TextVariant(v.Id, v.Text, v.ClinicianText) { Replaces = v.Replaces }).ToArray());
    }

    private string Text(string where, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{where}: the text is empty.");
        }

        return text ?? "";
    }

    private void Optional(string where, string? text)
    {
        if (text is not null)
        {
            Text(where, text);
        }
    }

    private void Id(string section, string id)
    {
        var valid = id.Length > 0 && id[0] != '-' && id[^1] != '-' && !id.Contains("--", StringComparison.Ordinal)
            && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
        if (!valid)
        {
            problems.Add($"{section}['{id}']: an id is lower-case letters and digits joined by single hyphens.");
        }
    }
}
