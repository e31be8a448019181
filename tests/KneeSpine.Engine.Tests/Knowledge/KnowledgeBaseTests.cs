using System.Text;
using System.Text.Json.Nodes;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Tests.Knowledge;

public sealed class KnowledgeBaseTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.Default;

    [Fact]
    public void The_default_knowledge_base_loads_once()
    {
        Assert.Same(KnowledgeBase.Default, KnowledgeBase.Default);
        Assert.Equal("2026.12", Kb.Version);
        Assert.False(Kb.IsArchived);
    }

    [Fact]
    public void The_disclaimer_says_it_supports_and_does_not_replace_clinical_judgement() =>
        Assert.Contains("supports, and does not replace, clinical judgement", Kb.Disclaimer, StringComparison.Ordinal);

    [Theory]
    [InlineData(TriageLevel.Emergency, "Call an ambulance or go to the emergency department.")]
    [InlineData(TriageLevel.Urgent, "today")]
    [InlineData(TriageLevel.Soon, "in the next two weeks")]
    [InlineData(TriageLevel.SelfCare, "at your next visit")]
    public void Each_headline_keeps_the_action_of_its_level(TriageLevel level, string action) =>
        Assert.Contains(action, Kb.Headline(level), StringComparison.Ordinal);

    [Fact]
    public void Definitions_are_found_by_id_with_titles_and_citations()
    {
        Assert.Equal(TriageLevel.Emergency, Kb.Alerts["suspected-spinal-epidural-hematoma"].Level);
        Assert.Equal("Insomnia after knee replacement", Kb.Factors["insomnia"].SeedHeading);
        Assert.Contains("Cochrane", Kb.Sources["french-2006"].Title, StringComparison.Ordinal);
        Assert.True(Kb.PlanItems.TryGet("heat-therapy", out var heat));
        Assert.False(string.IsNullOrWhiteSpace(heat.Title));
        Assert.False(Kb.Alerts.Contains("heat-therapy"));
        Assert.Throws<KeyNotFoundException>(() => Kb.Factors["no-such-factor"]);
    }

    [Fact]
    public void Triage_items_cite_every_source_of_their_level()
    {
        Assert.Equal(
            ["bass-2018", "girft-2023", "ahcpr-1994", "finucane-2020", "chou-2007", "moen-2004", "pumberger-2013", "horlocker-asra", "khatod-2012", "vte-denmark", "darouiche-2006"],
            Kb.PlanItems["emergency-care"].Sources);
        Assert.Equal(["ahcpr-1994", "verhagen-2016", "chou-2007", "nice-ng59", "ostelo-2008"], Kb.PlanItems["book-clinician-review"].Sources);
    }

    [Fact]
    public void Patient_texts_use_short_sentences()
    {
        var texts = Kb.Alerts.Select(a => a.Explanation)
            .Concat(Kb.Factors.Select(f => f.Explanation))
            .Concat(Kb.PlanItems.Select(p => p.PatientText))
            .Concat(Kb.Factors.SelectMany(f => f.Variants).Concat(Kb.PlanItems.SelectMany(p => p.Variants)).Select(v => v.Text).OfType<string>())
            .Concat(Enum.GetValues<TriageLevel>().Select(Kb.Headline));

        Assert.All(texts, text =>
        {
            var sentences = text.Split(['.', '?', '!', ':'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var words = sentences.Select(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).ToArray();
            Assert.True(words.Max() <= 32, $"A sentence of {words.Max()} words: {text}");
            Assert.True(words.Average() <= 18, $"Sentences average {words.Average():F1} words: {text}");
        });
    }

    [Fact]
    public void The_embedded_file_is_valid_and_loads_the_same_content()
    {
        var reloaded = KnowledgeBase.Load(Encoding.UTF8.GetBytes(EmbeddedJson()));

        Assert.Equal(Kb.Alerts.Select(a => a.Explanation), reloaded.Alerts.Select(a => a.Explanation));
        Assert.NotSame(Kb, reloaded);
    }

    public static TheoryData<string, string> BrokenFiles => new()
    {
        { "duplicate-alert", "alerts['cauda-equina-syndrome']: the id is used twice" },
        { "missing-alert", "alerts: 'persistent-pain' is missing" },
        { "unknown-alert", "alerts['made-up-alert']: the engine has no rule with this id" },
        { "unknown-source", "alerts['possible-fracture'].sources: 'nobody-2099' is not in the sources list" },
        { "no-sources", "factors['age'].sources: at least one source must be cited" },
        { "bad-level", "alerts['radicular-pain'].level: 'later' is not one of emergency, urgent, soon" },
        { "self-care-level", "alerts['radicular-pain'].level: 'self-care' is not one of emergency, urgent, soon" },
        { "triage-item-sources", "planItems['emergency-care'].sources: a triage item cites the sources of the alerts" },
        { "unknown-variant", "planItems['heat-therapy'].variants['hot-weather']: the engine has no condition of this name" },
        { "missing-variant", "planItems['analgesic-stewardship'].variants: 'opioid-review' is missing" },
        { "empty-text", "factors['insomnia'].explanation: the text is empty" },
        { "swapped-order", "factors: entries must follow the order of the specification's table" },
        { "duplicate-source", "sources['who-2020']: the id is used twice" },
        { "source-without-authors-or-label", "sources['ahcpr-1994']: a source without authors needs a label" },
        { "source-year-not-in-publication", "sources['finucane-2020'].publication: does not contain the year 1999" },
        { "source-link-elsewhere", "sources['finucane-2020'].link: only a https DOI or PubMed link is allowed" },
        { "unknown-note", "notes['old-note']: the engine has no rule for this note" },
        { "handout-missing", "handout: the two lists of the printed handout are missing" },
        { "handout-wrong-level", "handout.emergency.items[0].alerts: 'possible-fracture' is urgent, not emergency" },
        { "handout-missing-alert", "handout.emergency: the emergency alert 'fever-with-nerve-signs' has no sign on this list" },
        { "handout-unknown-alert", "handout.urgent.items[0].alerts: 'made-up-alert' is not an alert" },
        { "replacing-variant-without-text", "alerts['suspected-spinal-epidural-hematoma'].variants['unknown-anesthesia']: a replacing variant needs a text" },
        { "unknown-property", "does not match its schema at $.alerts[0]" },
        { "missing-property", "does not match its schema" },
        { "not-json", "does not match its schema" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_file_is_rejected_with_a_message_naming_the_problem(string breakage, string message)
    {
        var json = Break(breakage);

        var exception = Assert.Throws<KnowledgeBaseException>(() => KnowledgeBase.Load(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    private static string Break(string breakage)
    {
        if (breakage == "not-json")
        {
            return "{ \"knowledgeBaseVersion\": ";
        }

        var root = JsonNode.Parse(EmbeddedJson())!.AsObject();
        var alerts = root["alerts"]!.AsArray();
        var factors = root["factors"]!.AsArray();
        var plan = root["planItems"]!.AsArray();
        JsonObject Find(JsonArray array, string id) => array.Single(n => (string)n!["id"]! == id)!.AsObject();
        switch (breakage)
        {
            case "duplicate-alert": alerts.Add(alerts[0]!.DeepClone()); break;
            case "missing-alert": alerts.RemoveAt(12); break;
            case "unknown-alert": Find(alerts, "persistent-pain")["id"] = "made-up-alert"; break;
            case "unknown-source": Find(alerts, "possible-fracture")["sources"]!.AsArray().Add("nobody-2099"); break;
            case "no-sources": Find(factors, "age")["sources"] = new JsonArray(); break;
            case "bad-level": Find(alerts, "radicular-pain")["level"] = "later"; break;
            case "self-care-level": Find(alerts, "radicular-pain")["level"] = "self-care"; break;
            case "triage-item-sources": Find(plan, "emergency-care")["sources"] = new JsonArray("bass-2018"); break;
            case "unknown-variant": Find(plan, "heat-therapy")["variants"]!.AsArray().Add(new JsonObject { ["id"] = "hot-weather", ["text"] = "Stay cool." }); break;
            case "missing-variant": Find(plan, "analgesic-stewardship").Remove("variants"); break;
            case "empty-text": Find(factors, "insomnia")["explanation"] = " "; break;
            case "swapped-order":
                var first = factors[0]!.DeepClone();
                factors[0] = factors[1]!.DeepClone();
                factors[1] = first;
                break;
            case "duplicate-source": root["sources"]!.AsArray().Add(new JsonObject { ["id"] = "who-2020", ["authors"] = new JsonArray("WHO"), ["title"] = "Again." }); break;
            case "source-without-authors-or-label": root["sources"]![1]!["authors"] = new JsonArray(); break;
            case "source-year-not-in-publication": root["sources"]![2]!["year"] = 1999; break;
            case "source-link-elsewhere": root["sources"]![2]!["link"] = "https://example.org/finucane"; break;
            case "unknown-note": root["notes"] = new JsonArray(new JsonObject { ["id"] = "old-note", ["text"] = "Old." }); break;
            case "handout-missing": root.Remove("handout"); break;
            case "handout-wrong-level": root["handout"]!["emergency"]!["items"]![0]!["alerts"]!.AsArray().Add("possible-fracture"); break;
            case "handout-missing-alert":
                var emergency = root["handout"]!["emergency"]!["items"]!.AsArray();
                emergency.Remove(emergency.Single(i => i!["alerts"]!.AsArray().Any(a => (string)a! == "fever-with-nerve-signs")));
                break;
            case "handout-unknown-alert": root["handout"]!["urgent"]!["items"]![0]!["alerts"]!.AsArray().Add("made-up-alert"); break;
            case "replacing-variant-without-text":
                Find(alerts, "suspected-spinal-epidural-hematoma")["variants"]![0]!.AsObject().Remove("text");
                Find(alerts, "suspected-spinal-epidural-hematoma")["variants"]![0]!["clinicianText"] = "Unknown anaesthetic.";
                break;
            case "unknown-property": alerts[0]!["colour"] = "red"; break;
            case "missing-property": Find(alerts, "possible-fracture").Remove("title"); break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }

        return root.ToJsonString();
    }

    internal static string EmbeddedJson()
    {
        using var stream = typeof(KnowledgeBase).Assembly.GetManifestResourceStream(KnowledgeBase.ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
