using Hl7.Fhir.Model.CdsHooks;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Fhir.CdsHooks;
using KneeSpine.Fhir.Tests.Support;

namespace KneeSpine.Fhir.Tests.CdsHooks;

public sealed class CdsCardBuilderTests
{
    private static readonly Uri PatientLink = new("https://kneespine.example.org/patients/p1");

    private static AssessmentResult Evaluate(string example) => AssessmentEvaluator.Default.Evaluate(Examples.Input(example));

    private static Card Card(string example) => CdsCardBuilder.Default.BuildCard(Evaluate(example), PatientLink);

    [Theory]
    [InlineData("02-cauda-equina-on-anticoagulant", "critical")]
    [InlineData("04-fever-after-surgery", "warning")]
    [InlineData("06-sciatica-pattern-late", "warning")]
    [InlineData("01-mild-pain-after-spinal", "info")]
    public void Indicator_follows_the_triage_level(string example, string indicator)
    {
        Assert.Equal(indicator, Card(example).Indicator);
    }

    [Theory]
    [InlineData(TriageLevel.Emergency, "critical")]
    [InlineData(TriageLevel.Urgent, "warning")]
    [InlineData(TriageLevel.Soon, "warning")]
    [InlineData(TriageLevel.SelfCare, "info")]
    public void Every_level_has_its_indicator(TriageLevel level, string indicator)
    {
        Assert.Equal(indicator, CdsCardBuilder.Indicator(level));
    }

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public void Summary_is_under_140_characters_and_keeps_the_action(string example)
    {
        var result = Evaluate(example);

        var summary = Card(example).Summary;

        Assert.True(summary.Length < 140, $"{summary.Length} characters: {summary}");
        Assert.Contains(result.Triage.Headline, summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Emergency_summary_leads_with_the_level_and_the_first_alert()
    {
        var summary = Card("10-fever-with-nerve-signs").Summary;

        Assert.StartsWith("Emergency: " + KnowledgeBase.Default.Alerts["fever-with-nerve-signs"].Title + ". " + KnowledgeBase.Default.Headline(TriageLevel.Emergency), summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_summary_is_shortened_but_still_states_the_level()
    {
        var result = Evaluate("02-cauda-equina-on-anticoagulant");
        result = result with { Triage = result.Triage with { Headline = new string('x', 300) } };

        var summary = CdsCardBuilder.Default.BuildCard(result, PatientLink).Summary;

        Assert.True(summary.Length < 140);
        Assert.StartsWith("Emergency: ", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_gives_the_alerts_then_the_factors_then_the_plan()
    {
        var result = Evaluate("03-unmasked-chronic-back-pain");

        var detail = CdsCardBuilder.Default.BuildCard(result, PatientLink).Detail;

        var positions = new List<int> { detail.IndexOf(result.Triage.Headline, StringComparison.Ordinal) };
        positions.AddRange(result.Alerts.Select(a => detail.IndexOf(KnowledgeBase.Default.Alerts[a.Id].Title, StringComparison.Ordinal)));
        positions.AddRange(result.Factors.Select(f => detail.IndexOf(KnowledgeBase.Default.Factors[f.Id].Title, StringComparison.Ordinal)));
        positions.AddRange(result.Plan.Select(p => detail.IndexOf(KnowledgeBase.Default.PlanItems[p.Id].Title, StringComparison.Ordinal)));
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("**Plan**", detail, StringComparison.Ordinal);
        Assert.EndsWith(KnowledgeBase.Default.Disclaimer, detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_characters_in_knowledge_text_are_escaped()
    {
        var result = Evaluate("01-mild-pain-after-spinal");
        result = result with { Plan = [result.Plan[0] with { PatientText = "Use *heat* [daily]" }] };

        var detail = CdsCardBuilder.Default.BuildCard(result, PatientLink).Detail;

        Assert.Contains(@"Use \*heat\* \[daily\]", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"\*_`[]<>#", @"\\\*\_\`\[\]\<\>\#")]
    [InlineData("#start and end#", @"\#start and end\#")]
    [InlineData("plain words only", "plain words only")]
    public void Every_markdown_special_character_is_escaped_once_wherever_it_stands(string text, string expected)
    {
        var result = Evaluate("01-mild-pain-after-spinal");
        result = result with { Plan = [result.Plan[0] with { PatientText = text }] };

        var detail = CdsCardBuilder.Default.BuildCard(result, PatientLink).Detail;

        Assert.Contains("**: " + expected + "\n", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_names_the_knowledge_base_version()
    {
        Assert.Equal("KneeSpine knowledge base " + KnowledgeBase.Default.Version, Card("01-mild-pain-after-spinal").Source.Label);
    }

    [Fact]
    public void Card_links_to_the_patient_in_kneespine_as_an_absolute_link()
    {
        var link = Assert.Single(Card("01-mild-pain-after-spinal").Links);

        Assert.Equal(PatientLink, link.Url);
        Assert.Equal("absolute", link.Type);
        Assert.False(string.IsNullOrWhiteSpace(link.Label));
    }

    [Fact]
    public void With_a_smart_launch_url_the_card_also_has_a_smart_link_that_survives_serialization()
    {
        var launch = new Uri("https://kneespine.example.org/smart/launch");

        var json = CdsHooksJson.Serialize(CdsCardBuilder.Default.BuildResponse(Evaluate("04-fever-after-surgery"), PatientLink, launch));

        var card = Assert.Single(System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("cards").EnumerateArray());
        var links = card.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(2, links.Count);
        Assert.Equal("absolute", links[0].GetProperty("type").GetString());
        Assert.Equal("smart", links[1].GetProperty("type").GetString());
        Assert.Equal(launch.AbsoluteUri, links[1].GetProperty("url").GetString());
    }

    [Fact]
    public void Response_json_omits_absent_fields_and_reads_back()
    {
        var json = CdsHooksJson.Serialize(CdsCardBuilder.Default.BuildResponse(Evaluate("04-fever-after-surgery"), PatientLink));

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        var card = Assert.Single(CdsHooksJson.ParseResponse(json).Cards);
        Assert.Equal("warning", card.Indicator);
        Assert.Equal(PatientLink, card.Links[0].Url);
    }

    [Fact]
    public void Emergency_cards_match_their_golden_file()
    {
        GoldenFile.AssertJsonEqual("cds-cards-02.json",
            CdsHooksJson.Serialize(CdsCardBuilder.Default.BuildResponse(Evaluate("02-cauda-equina-on-anticoagulant"), PatientLink)));
    }

    [Fact]
    public void Soon_cards_match_their_golden_file()
    {
        GoldenFile.AssertJsonEqual("cds-cards-03.json",
            CdsHooksJson.Serialize(CdsCardBuilder.Default.BuildResponse(Evaluate("03-unmasked-chronic-back-pain"), PatientLink)));
    }
}
