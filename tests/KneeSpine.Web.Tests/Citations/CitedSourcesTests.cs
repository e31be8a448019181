using System.Net;
using System.Text.RegularExpressions;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Compatibility;
using KneeSpine.Web.Tests.Handouts;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Citations;

/// <summary>
/// Sources reach people as readable citations (authors, year, title, publication, link) on result pages and the
/// handout; the ids, file paths and JSON paths behind them never do.
/// </summary>
public abstract partial class CitedSourcesTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    /// <summary>Every source id of both knowledge bases: none may be read on a page or in a PDF.</summary>
    private static readonly string[] SourceIds = [.. KnowledgeBase.Default.Sources.Concat(KnowledgeBase.Version1.Sources).Select(s => s.Id).Distinct()];

    [Fact]
    public async Task The_result_page_cites_sources_by_short_label_linked_to_the_full_list_and_shows_no_ids_or_paths()
    {
        var (patient, assessment) = await FeverAfterSpinalAsync();
        var clinician = await App.ClientAsync(Roles.Clinician);

        var html = await clinician.GetStringAsync($"/patients/{patient}/assessments/{assessment}", Cancel);

        var text = VisibleText(html);
        AssertNothingInternal(text);
        Assert.Contains("Darouiche 2006", text, StringComparison.Ordinal);
        Assert.Contains("Darouiche RO. Spinal epidural abscess. N Engl J Med 2006;355(19):2012-2020.", text, StringComparison.Ordinal);
        Assert.Contains("Back Pain after Knee Replacement surgery. A physical therapist's article.", text, StringComparison.Ordinal);
        // Each short label leads to an entry of the numbered list.
        var targets = LabelLink().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, n => Assert.Contains($"<li id=\"source-{n}\">", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_handout_lists_full_citations_and_prints_no_ids_or_paths()
    {
        var (patient, assessment) = await FeverAfterSpinalAsync();
        var clinician = await App.ClientAsync(Roles.Clinician);

        var pdf = await clinician.GetByteArrayAsync($"/patients/{patient}/assessments/{assessment}/handout", Cancel);

        var text = Regex.Replace(string.Join(' ', PdfText.Pages(pdf)), @"\s+", " ");
        AssertNothingInternal(text);
        Assert.Contains("Darouiche RO. Spinal epidural abscess.", text, StringComparison.Ordinal);
        Assert.Contains("Back Pain after Knee Replacement surgery. A physical therapist's article.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_1_result_cites_its_archived_sources_readably()
    {
        var (patient, _, emergency) = await VersionOneRecords.InsertAsync(App);
        var clinician = await App.ClientAsync(Roles.Clinician);

        var html = await clinician.GetStringAsync($"/patients/{patient}/assessments/{emergency}", Cancel);
        var pdf = await clinician.GetByteArrayAsync($"/patients/{patient}/assessments/{emergency}/handout", Cancel);

        var page = VisibleText(html);
        AssertNothingInternal(page);
        AssertNothingInternal(Regex.Replace(string.Join(' ', PdfText.Pages(pdf)), @"\s+", " "));
        Assert.Contains("Assessed with rules version 2026.11", page, StringComparison.Ordinal);
        Assert.Contains("Bigos SJ et al. Acute Low Back Problems in Adults.", page, StringComparison.Ordinal);
    }

    private static void AssertNothingInternal(string text)
    {
        Assert.All(SourceIds, id => Assert.DoesNotContain(id, text, StringComparison.Ordinal));
        Assert.DoesNotContain(".txt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("seed/", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bredFlags\.[a-zA-Z]", text);
    }

    /// <summary>What a reader sees: the text of &lt;main&gt; without markup.</summary>
    private static string VisibleText(string html)
    {
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        var text = Markup().Replace(ScriptOrStyle().Replace(main, " "), " ");
        return Regex.Replace(WebUtility.HtmlDecode(text), @"\s+", " ");
    }

    private async Task<(Guid Patient, Guid Assessment)> FeverAfterSpinalAsync()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Cited Sources Patient");
        var input = Inputs.Valid(TestApp.Today.AddDays(-1), daysSinceSurgery: 6, backPain: 6);
        input["redFlags"]!["feverOrChills"] = true;
        var created = await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(input), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (patient, (await created.ReadObjectAsync())["id"]!.GetValue<Guid>());
    }

    [GeneratedRegex("<a href=\"#source-([0-9]+)\">")]
    private static partial Regex LabelLink();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Markup();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();
}

public sealed class CitedSourcesOnSqlite(SqliteApp app) : CitedSourcesTests(app), IClassFixture<SqliteApp>;

public sealed class CitedSourcesOnPostgres(PostgresApp app) : CitedSourcesTests(app), IClassFixture<PostgresApp>;
