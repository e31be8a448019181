using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Support;
using static KneeSpine.Engine.Tests.Support.ClinicalRulesDocument;

namespace KneeSpine.Engine.Tests.Knowledge;

/// <summary>
/// The knowledge base and the rule code against the tables of spec/clinical-rules.md, row by
/// row: ids, order, levels, seed headings, plan reasons and sources. A change on either side fails here.
/// </summary>
public sealed class SpecConformanceTests
{
    private static readonly ClinicalRulesDocument Spec = ClinicalRulesDocument.Load();
    private static readonly KnowledgeBase Kb = KnowledgeBase.Default;
    private static readonly System.Text.RegularExpressions.Regex Abbreviated = new(@"^[A-Z][a-z]+(?: [A-Za-z]+)+ \(([A-Z]+)\)$");

    [Fact]
    public void Alerts_match_the_alerts_table_in_id_order_level_and_sources()
    {
        var rows = Spec.Table("Alerts");

        Assert.Equal(15, rows.Count);
        Assert.Equal(rows.Select(r => Code(r[1])), Kb.Alerts.Select(a => a.Id));
        Assert.Equal(rows.Select(r => Code(r[1])), AlertRules.Shapes.Select(s => s.Id));
        Assert.All(rows, row =>
        {
            var alert = Kb.Alerts[Code(row[1])];
            Assert.Equal(row[2], Code<TriageLevel>.ToCode(alert.Level));
            Assert.Equal(List(row[4]), alert.Sources);
        });
    }

    [Fact]
    public void Factors_match_the_factors_table_in_id_order_seed_heading_and_sources()
    {
        var rows = Spec.Table("Factors");

        Assert.Equal(12, rows.Count);
        Assert.Equal(rows.Select(r => Code(r[1])), Kb.Factors.Select(f => f.Id));
        Assert.Equal(rows.Select(r => Code(r[1])), FactorRules.Shapes.Select(s => s.Id));
        Assert.All(rows, row =>
        {
            var factor = Kb.Factors[Code(row[1])];
            Assert.Equal(row[2], factor.SeedHeading);
            Assert.Equal(List(row[5]), factor.Sources);
        });
    }

    [Fact]
    public void Plan_items_match_the_plan_table_in_id_order_reasons_and_sources()
    {
        var rows = Spec.Table("Plan");

        Assert.Equal(19, rows.Count);
        Assert.Equal(rows.Select(r => Code(r[1])), Kb.PlanItems.Select(p => p.Id));
        Assert.Equal(rows.Select(r => Code(r[1])), PlanRules.Shapes.Select(s => s.Id));
        Assert.All(rows, row =>
        {
            var item = Kb.PlanItems[Code(row[1])];
            var shape = PlanRules.Shapes.Single(s => s.Id == item.Id);
            if (row[2].StartsWith("triage ", StringComparison.Ordinal))
            {
                // "the alerts' sources": every source of the alerts of that level, in table order.
                var level = Code<TriageLevel>.TryParse(CodeSpans(row[2]).Single(), out var parsed) ? parsed : throw new InvalidDataException(row[2]);
                Assert.Equal(level, shape.TriageLevel);
                Assert.Equal(Kb.Alerts.Where(a => a.Level == level).SelectMany(a => a.Sources).Distinct(), item.Sources);
            }
            else
            {
                Assert.Null(shape.TriageLevel);
                Assert.Equal(List(row[4]), item.Sources);
                Assert.Equal(CodeSpans(row[3]), shape.Arms.SelectMany(arm => arm));
            }
        });
    }

    [Fact]
    public void Sources_match_the_sources_table()
    {
        var rows = Spec.Table("Sources");

        Assert.Equal(rows.Select(r => r[0]), Kb.Sources.Select(s => s.Id));
        Assert.All(rows, row => Assert.Equal("", Unaccounted(row[0], row[1], Kb.Sources[row[0]])));
    }

    /// <summary>
    /// What is left of the table's reference once every part of the structured source is taken out: only punctuation
    /// may remain, so nothing in the table is lost and nothing is added. The seed article's file path and its remark on
    /// how it is used are the two parts deliberately not carried over (nothing internal is shown to readers).
    /// </summary>
    private static string Unaccounted(string id, string reference, SourceDefinition source)
    {
        var rest = reference;
        if (id == "seed-article")
        {
            rest = System.Text.RegularExpressions.Regex.Replace(rest, @"`[^`]*`|\([^)]*\)", "");
        }

        string[] parts =
        [
            .. source.Authors, source.Title, source.Publication ?? "", .. (source.Note ?? "").Split("; "),
            source.Year is { } year && !(source.Publication ?? "").Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                ? year.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            source.MoreAuthors ? "et al." : "",
            source.Link is { } link ? (link.Host == "doi.org" ? "doi:" + link.AbsolutePath.TrimStart('/') : "PMID " + link.AbsolutePath.Trim('/')) : "",
        ];
        foreach (var part in parts.Where(p => p.Length > 0).OrderByDescending(p => p.Length))
        {
            var at = rest.IndexOf(part, StringComparison.OrdinalIgnoreCase);
            if (at < 0 && Abbreviated.Match(part) is { Success: true } abbreviation)
            {
                // An organisation the table names by its abbreviation is written out in full, e.g. "World Health Organization (WHO)".
                Assert.Contains(abbreviation.Groups[1].Value, reference, StringComparison.Ordinal);
                continue;
            }

            Assert.True(at >= 0, $"{id}: '{part}' is not in the sources table");
            rest = rest.Remove(at, part.Length);
        }

        return System.Text.RegularExpressions.Regex.Replace(rest, @"[\s.,;:()/""'\-]", "");
    }

    [Fact]
    public void Version_2_renamed_and_removed_sources_are_gone()
    {
        Assert.False(Kb.Sources.TryGet("sea-review", out _));
        Assert.False(Kb.Sources.TryGet("parvizi-2018", out _));
        Assert.True(Kb.Sources.TryGet("darouiche-2006", out _));
    }

    [Fact]
    public void Every_source_is_cited_somewhere()
    {
        var cited = Kb.Alerts.SelectMany(a => a.Sources).Concat(Kb.Factors.SelectMany(f => f.Sources)).Concat(Kb.PlanItems.SelectMany(p => p.Sources)).ToHashSet();

        Assert.All(Kb.Sources, source => Assert.Contains(source.Id, cited));
    }

    [Fact]
    public void The_knowledge_base_version_is_the_specification_version()
    {
        var title = File.ReadLines(ClinicalRulesPath).First();

        Assert.Equal("2026.12", Kb.Version);
        Assert.Contains("version " + Kb.Version, title, StringComparison.Ordinal);
    }
}
