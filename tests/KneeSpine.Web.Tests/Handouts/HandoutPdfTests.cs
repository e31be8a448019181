using System.Text;
using System.Text.RegularExpressions;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Web.Handouts;

namespace KneeSpine.Web.Tests.Handouts;

public sealed class HandoutPdfTests
{
    [Fact]
    // Both warning-sign lists (ambulance now, care team today) are printed on every handout, which takes a third page.
    public void Handout_is_a_valid_pdf_of_at_most_three_a4_pages()
    {
        var pdf = HandoutPdf.Create(HandoutSamples.SelfCare());

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var document = PdfText.Open(pdf);
        Assert.InRange(document.PageCount, 1, 3);
        Assert.All(document.Pages.Cast<PdfSharp.Pdf.PdfPage>(), page =>
        {
            Assert.Equal(595, page.Width.Point, 0);
            Assert.Equal(842, page.Height.Point, 0);
        });
    }

    [Fact]
    public void Emergency_headline_and_warning_signs_come_first_on_page_one()
    {
        var handout = HandoutSamples.Emergency();

        var pages = PdfText.Pages(HandoutPdf.Create(handout));
        var first = pages[0];
        var all = string.Join(' ', pages);

        var headline = first.IndexOf("Call emergency services or go to the emergency department now.", StringComparison.Ordinal);
        var sign = first.IndexOf(KnowledgeBase.Default.Handout!.Emergency.Heading, StringComparison.Ordinal);
        var urgent = all.IndexOf(KnowledgeBase.Default.Handout!.Urgent.Heading, StringComparison.Ordinal);
        var plan = all.IndexOf("Your plan", StringComparison.Ordinal);
        Assert.True(headline >= 0, first);
        Assert.Contains("EMERGENCY: ACT NOW", first, StringComparison.Ordinal);
        Assert.True(sign > headline, "warning signs follow the headline");
        Assert.True(urgent > sign, "the same-day list follows the ambulance list");
        Assert.True(plan > urgent, "the plan follows the warning signs");
        Assert.Contains("Margaret Example", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_carries_the_disclaimer_and_the_sources_are_listed()
    {
        var pages = PdfText.Pages(HandoutPdf.Create(HandoutSamples.SelfCare()));

        Assert.All(pages, page => Assert.Contains("supports, and does not replace, clinical judgement", page, StringComparison.Ordinal));
        Assert.Contains("Source 12: Author A, Author B et al.", string.Join(' ', pages), StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_axes_and_important_changes_are_drawn()
    {
        var text = string.Join(' ', PdfText.Pages(HandoutPdf.Create(HandoutSamples.SelfCare())));

        Assert.Contains("Days since surgery", text, StringComparison.Ordinal);
        Assert.Contains("Pain (0-10)", text, StringComparison.Ordinal);
        // Back 7 -> 5 (-2) and 5 -> 2 (-3); knee 8 -> 6 (-2), 6 -> 4 (-2), 4 -> 3 (-1 of 4: not important).
        Assert.Contains("\u22123", text, StringComparison.Ordinal);
        Assert.Contains("\u22122", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_too_long_for_two_pages_flows_on_rather_than_being_cut()
    {
        var pages = PdfText.Pages(HandoutPdf.Create(HandoutSamples.SelfCare(planItems: 30, sources: 20)));

        Assert.True(pages.Count > 2);
        Assert.Contains("Plan step 30", string.Join(' ', pages), StringComparison.Ordinal);
    }

    [Fact]
    public void The_handout_is_tagged_with_structure_language_and_title_for_screen_readers()
    {
        var document = PdfText.Open(HandoutPdf.Create(HandoutSamples.SelfCare()));

        var catalog = document.Internals.Catalog.Elements;
        Assert.Equal("en", catalog.GetString("/Lang"));
        Assert.NotNull(catalog.GetDictionary("/StructTreeRoot"));
        Assert.True(catalog.GetDictionary("/MarkInfo")!.Elements.GetBoolean("/Marked"));
        Assert.True(catalog.GetDictionary("/ViewerPreferences")!.Elements.GetBoolean("/DisplayDocTitle"));
        Assert.Equal("Your back pain plan after knee replacement, for Arthur Example", document.Info.Title);
        var structure = Encoding.Latin1.GetString(HandoutPdf.Create(HandoutSamples.SelfCare()));
        Assert.Contains("/S/H1", structure.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("/S/Figure", structure.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("/Alt", structure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clinic_name_and_phone_are_printed_at_the_top_and_with_the_same_day_list()
    {
        var handout = HandoutSamples.SelfCare() with { Clinic = new HandoutClinic("Riverside Knee Clinic", "01632 960123", "999") };

        var pages = PdfText.Pages(HandoutPdf.Create(handout));

        Assert.StartsWith("Riverside Knee Clinic, phone 01632 960123", Regex.Replace(pages[0], @"\s+", " ").Trim(), StringComparison.Ordinal);
        var all = Regex.Replace(string.Join(' ', pages), @"\s+", " ");
        var emergency = all.IndexOf(KnowledgeBase.Default.Handout!.Emergency.Heading, StringComparison.Ordinal);
        var urgent = all.IndexOf(KnowledgeBase.Default.Handout!.Urgent.Heading, StringComparison.Ordinal);
        var plan = all.IndexOf("Your plan", StringComparison.Ordinal);
        Assert.True(emergency > 0 && urgent > emergency && plan > urgent, all);
        Assert.Contains("Emergency number: 999.", all[emergency..urgent], StringComparison.Ordinal);
        Assert.Contains("Call Riverside Knee Clinic on 01632 960123.", all[urgent..plan], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_configured_clinic_no_empty_contact_lines_are_printed()
    {
        var text = string.Join(' ', PdfText.Pages(HandoutPdf.Create(HandoutSamples.SelfCare())));

        Assert.DoesNotContain("phone", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Emergency number", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(20)]
    [InlineData(30)]
    public void The_sources_list_is_never_split_leaving_citations_alone_on_a_page(int sources)
    {
        var pages = PdfText.Pages(HandoutPdf.Create(HandoutSamples.SelfCare(sources: sources)));

        var withSources = pages.Select((text, index) => (text, index)).Where(p => p.text.Contains("Source ", StringComparison.Ordinal)).ToList();
        Assert.Single(withSources);
        Assert.Contains("Sources", withSources[0].text, StringComparison.Ordinal);
        Assert.Contains($"Source {sources}:", withSources[0].text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_font_fails_with_a_message_naming_the_file_and_the_package()
    {
        var resolver = new DejaVuFontResolver("/nonexistent/fonts");

        var error = Assert.Throws<FileNotFoundException>(resolver.EnsureFontsExist);

        Assert.Contains("/nonexistent/fonts/DejaVuSans.ttf", error.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
    }
}
