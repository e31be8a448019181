using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Tests.Builders;
using KneeSpine.Engine.Tests.Support;

namespace KneeSpine.Engine.Tests.Knowledge;

public sealed class CitationFormatterTests
{
    public static TheoryData<string> Versions => ["current", "archived"];

    private static KnowledgeBase Of(string version) => version == "current" ? KnowledgeBase.Default : KnowledgeBase.Version1;

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_source_reads_as_a_citation_with_authors_year_and_title(string version)
    {
        foreach (var source in Of(version).Sources)
        {
            var text = CitationFormatter.Text(source);
            Assert.Contains(source.Title.TrimEnd('.'), text, StringComparison.Ordinal);
            Assert.DoesNotContain(source.Id, text, StringComparison.Ordinal);
            Assert.DoesNotContain(source.Id, CitationFormatter.Label(source), StringComparison.Ordinal);
            Assert.DoesNotContain(".txt", text, StringComparison.Ordinal);
            Assert.DoesNotContain("seed/", text, StringComparison.Ordinal);
            if (source.Id is "seed-article" or "sea-review")
            {
                // The seed article is an undated blog post by an unnamed author; sea-review (version 1 only) was never a single work.
                Assert.Empty(source.Authors);
                continue;
            }

            Assert.NotNull(source.Year);
            Assert.Contains(source.Year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            if (source.Id == "vte-denmark")
            {
                Assert.Contains("authors not verified", text, StringComparison.Ordinal);
            }
            else
            {
                Assert.NotEmpty(source.Authors);
                Assert.StartsWith(source.Authors[0], text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Labels_name_the_first_author_and_year()
    {
        var kb = KnowledgeBase.Default;

        Assert.Equal("Finucane et al. 2020", CitationFormatter.Label(kb.Sources["finucane-2020"]));
        Assert.Equal("Chou et al. 2007", CitationFormatter.Label(kb.Sources["chou-2007"]));
        Assert.Equal("Darouiche 2006", CitationFormatter.Label(kb.Sources["darouiche-2006"]));
        Assert.Equal("Vlaeyen and Linton 2000", CitationFormatter.Label(kb.Sources["vlaeyen-2000"]));
        Assert.Equal("NICE 2016", CitationFormatter.Label(kb.Sources["nice-ng59"]));
        Assert.Equal("van der Lugt", CitationFormatter.Label(kb.Sources["scheper-2023"] with { Authors = ["van der Lugt JCT"], Year = null }));
    }

    [Fact]
    public void The_seed_article_is_cited_by_title_without_its_file_path()
    {
        var seed = KnowledgeBase.Default.Sources["seed-article"];

        Assert.Equal("Back Pain after Knee Replacement surgery. A physical therapist's article.", CitationFormatter.Text(seed));
        Assert.Equal("Physical therapist's article", CitationFormatter.Label(seed));
    }

    [Fact]
    public void Links_are_given_only_where_the_specification_gives_a_doi_or_pmid()
    {
        var linked = KnowledgeBase.Default.Sources.Where(s => s.Link is not null).ToDictionary(s => s.Id, s => s.Link!.AbsoluteUri);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["scheper-2023"] = "https://doi.org/10.5194/jbji-8-59-2023",
                ["vte-denmark"] = "https://pubmed.ncbi.nlm.nih.gov/21792493/",
            },
            linked);
    }

    [Fact]
    public void A_full_reference_joins_authors_title_publication_and_note()
    {
        var pumberger = KnowledgeBase.Default.Sources["pumberger-2013"];

        Assert.Equal(
            "Pumberger M, Memtsoudis SG, Stundner O, Herzog R, Boettner F, Gausden E, Hughes AP. An analysis of the safety of epidural and spinal neuraxial anesthesia in more than 100,000 consecutive major lower extremity joint replacements. Reg Anesth Pain Med 2013;38(6):515-519 (volume, issue and pages not verified).",
            CitationFormatter.Text(pumberger));
        Assert.Equal(
            "Chou R et al. Diagnosis and treatment of low back pain (ACP/APS). Ann Intern Med 2007;147:478-491.",
            CitationFormatter.Text(KnowledgeBase.Default.Sources["chou-2007"]));
    }

    [Fact]
    public void A_result_numbers_its_sources_in_order_of_first_citation_and_each_finding_gets_its_own()
    {
        var result = Evaluate.Result(AssessmentBuilder.Baseline().Age(72).Pain(6).Anesthesia(Anesthesia.Spinal).Anticoagulant(AnticoagulantUse.Therapeutic)
            .Psychosocial(p => p with { LittleInterestOrPleasure = 2, FeelingDownDepressedOrHopeless = 2 }));

        var citations = ResultCitations.For(KnowledgeBase.Default, result);

        Assert.Equal(Enumerable.Range(1, citations.All.Count), citations.All.Select(c => c.Number));
        Assert.Equal(citations.All.Count, citations.All.Select(c => c.Text).Distinct().Count());
        Assert.NotEmpty(result.Factors);
        var first = result.Factors[0];
        Assert.Equal(first.Sources.Select(id => CitationFormatter.Label(KnowledgeBase.Default.Sources[id])), citations.Of(first.Sources).Select(c => c.Label));
    }

    [Fact]
    public void A_version_1_result_cites_the_archived_sources()
    {
        var sea = CitationFormatter.Cite(KnowledgeBase.Version1, ["sea-review", "ahcpr-1994", "no-such-source"]);

        Assert.Equal("Spinal epidural abscess reviews", sea[0].Label);
        Assert.Equal("Bigos et al. 1994", sea[1].Label);
        Assert.Equal("Unlisted source", sea[2].Label);
        Assert.DoesNotContain("no-such-source", sea[2].Text, StringComparison.Ordinal);
    }
}
