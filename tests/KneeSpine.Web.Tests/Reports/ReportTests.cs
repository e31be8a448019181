using System.Globalization;
using System.Net;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Reports;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Reports;

/// <summary>
/// The outcomes report against small cohorts whose answers the tests work out by hand (sorted lists, the API's own
/// results), on both databases: counts, follow-up completion, triage by week, alerts, pain quartiles, persistent pain,
/// suppression of small cells in the page and the CSV, filters and bad filters, and edits counted once.
/// </summary>
public abstract class ReportTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Report_numbers_match_a_cohort_worked_out_by_hand()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var surgery = new DateOnly(2026, 6, 1);
        // Ten patients: all answer at day 14 (pain 0-9), eight at day 42, six at day 90.
        int[] pain14 = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        int[] pain42 = [4, 5, 6, 7, 8, 1, 2, 3];
        int[] pain90 = [9, 8, 7, 6, 5, 4];
        var triage = new List<(int Day, string Level)>();
        var alerts = new Dictionary<string, int>();
        for (var i = 0; i < pain14.Length; i++)
        {
            var patient = await ReportCohort.PatientAsync(clinician);
            foreach (var (day, pains) in new[] { (14, pain14), (42, pain42), (90, pain90) })
            {
                if (i < pains.Length)
                {
                    var stored = await ReportCohort.AssessAsync(clinician, patient, surgery, day, pains[i]);
                    var result = stored["result"]!;
                    triage.Add((day, result["triage"]!["level"]!.GetValue<string>()));
                    foreach (var alert in result["alerts"]!.AsArray())
                    {
                        var id = alert!["id"]!.GetValue<string>();
                        alerts[id] = alerts.GetValueOrDefault(id) + 1;
                    }
                }
            }
        }

        var report = await BuildAsync(new ReportFilter { From = surgery, To = surgery });

        Assert.Equal(10, report.Patients);
        Assert.Equal(24, report.Assessments);
        Assert.False(report.TooFew);
        Assert.NotNull(report.DataAsOf);

        // Check-ins 14, 42, 90 are all due by today; each is done by a latest assessment from 3 days before it.
        var follow = report.Table(ReportTables.FollowUp)!;
        Assert.Equal(["Day 14", "10", "10", "100.0"], Texts(follow.Rows[0]));
        Assert.Equal(["Day 42", "10", "8", "80.0"], Texts(follow.Rows[1]));
        Assert.Equal(["Day 90", "10", "6", "60.0"], Texts(follow.Rows[2]));
        Assert.Equal("80.0", Row(report.Table(ReportTables.Headline)!, "Follow-up check-ins done (%)")[1].Text);

        var course = report.Table(ReportTables.PainCourse)!;
        foreach (var (week, pains) in new[] { (2, pain14), (6, pain42), (12, pain90) })
        {
            var row = course.Rows[week];
            Assert.Equal(pains.Length, row[1].Number);
            Assert.Equal(Quartile(pains, 0.25), row[2].Number);
            Assert.Equal(Quartile(pains, 0.5), row[3].Number);
            Assert.Equal(Quartile(pains, 0.75), row[4].Number);
        }

        Assert.Equal(0, course.Rows[3][1].Number);

        var persistent = report.Table(ReportTables.PersistentPain)!;
        Assert.Equal(["6", "8", "5", "62.5"], Texts(persistent.Rows[0]));
        Assert.Equal(["12", "6", "6", "100.0"], Texts(persistent.Rows[1]));

        var mix = report.Table(ReportTables.TriageByWeek)!;
        for (var level = 1; level < mix.Columns.Count; level++)
        {
            foreach (var week in new[] { 2, 6, 12 })
            {
                var expected = triage.Count(t => t.Day / 7 == week && t.Level == mix.Columns[level]);
                Assert.Equal(Cell(expected), mix.Rows[week][level].Text);
            }
        }

        var alertTable = report.Table(ReportTables.Alerts)!;
        foreach (var alert in KnowledgeBase.Default.Alerts)
        {
            Assert.Equal(Cell(alerts.GetValueOrDefault(alert.Id)), Row(alertTable, alert.Title)[2].Text);
        }
    }

    [Fact]
    public async Task Small_groups_are_suppressed_in_the_page_and_the_csv_and_a_tiny_filter_shows_nothing()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var surgery = new DateOnly(2026, 5, 4);
        for (var i = 0; i < 6; i++)
        {
            var patient = await ReportCohort.PatientAsync(clinician);
            // One patient reports fever: an alert seen once must not be shown as 1.
            await ReportCohort.AssessAsync(clinician, patient, surgery, 14, 2, change: i == 0 ? input => input["redFlags"]!["feverOrChills"] = true : null);
        }

        var report = await BuildAsync(new ReportFilter { From = surgery, To = surgery });
        var fever = Row(report.Table(ReportTables.Alerts)!, KnowledgeBase.Default.Alerts["possible-spinal-infection"].Title);
        Assert.Equal(["<5", "<5"], Texts(fever).Skip(2));
        Assert.True(fever[2].Suppressed);

        var csv = await clinician.GetStringAsync($"/reports/{ReportTables.Alerts}.csv?{ReportCohort.Query(surgery)}", Cancel);
        var line = csv.Split('\n').Single(l => l.Contains("fever or chills", StringComparison.OrdinalIgnoreCase));
        Assert.EndsWith(",<5,<5", line.TrimEnd('\r'));

        var page = await clinician.GetStringAsync($"/reports?{ReportCohort.Query(surgery)}", Cancel);
        Assert.Contains("<td>&lt;5</td>", page, StringComparison.Ordinal);

        // Three patients in another month: too few for any table, in every output.
        var small = new DateOnly(2026, 4, 6);
        for (var i = 0; i < 3; i++)
        {
            await ReportCohort.AssessAsync(clinician, await ReportCohort.PatientAsync(clinician), small, 14, 5);
        }

        var tiny = await BuildAsync(new ReportFilter { From = small, To = small });
        Assert.True(tiny.TooFew);
        Assert.Null(tiny.Patients);
        Assert.Null(tiny.Assessments);
        Assert.Empty(tiny.Tables);
        var tinyPage = await clinician.GetStringAsync($"/reports?{ReportCohort.Query(small)}", Cancel);
        Assert.Contains("Fewer than 5 patients match this filter", tinyPage, StringComparison.Ordinal);
        var tinyCsv = await clinician.GetAsync($"/reports/{ReportTables.Headline}.csv?{ReportCohort.Query(small)}", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tinyCsv.StatusCode);
    }

    [Fact]
    public async Task Filters_by_sex_age_and_anaesthesia_count_only_matching_patients()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var surgery = new DateOnly(2026, 3, 2);
        for (var i = 0; i < 6; i++)
        {
            // Women aged 70 at surgery (65-74), spinal anaesthetic.
            await ReportCohort.AssessAsync(clinician, await ReportCohort.PatientAsync(clinician, "1955-06-15", "female"), surgery, 14, 3);
        }

        for (var i = 0; i < 5; i++)
        {
            // Men aged 80 at surgery (75-84), general anaesthetic.
            await ReportCohort.AssessAsync(clinician, await ReportCohort.PatientAsync(clinician, "1945-06-15", "male"), surgery, 14, 3, sex: "male", anesthesia: "general");
        }

        var all = new ReportFilter { From = surgery, To = surgery };
        Assert.Equal(11, (await BuildAsync(all)).Patients);
        Assert.Equal(5, (await BuildAsync(all with { Sex = Engine.Input.Sex.Male })).Patients);
        Assert.Equal(6, (await BuildAsync(all with { Anesthesia = Engine.Input.Anesthesia.Spinal })).Assessments);
        Assert.Equal(5, (await BuildAsync(all with { Age = AgeBand.From75To84 })).Patients);
        Assert.Equal(0, (await BuildAsync(all with { Sex = Engine.Input.Sex.Male, Anesthesia = Engine.Input.Anesthesia.Spinal })).Patients);

        var csv = await clinician.GetStringAsync($"/reports/{ReportTables.Headline}.csv?{ReportCohort.Query(surgery, "&sex=male&age=75-84")}", Cancel);
        Assert.Equal("Measure,Value", csv.Split('\n')[0].TrimEnd('\r'));
        Assert.Contains("Patients,5", csv, StringComparison.Ordinal);
        Assert.Contains("Assessments,5", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_filter_is_refused_naming_the_field_on_the_page_and_the_csv()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);

        var page = await clinician.GetAsync("/reports?sex=woman&from=2026-13-01", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("'woman' is not a sex", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#filter-from\"", html, StringComparison.Ordinal);

        var csv = await clinician.GetAsync("/reports/headline.csv?anaesthesia=laughing-gas", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Equal(["anaesthesia"], (await csv.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task An_edited_assessment_is_counted_once_with_its_new_answers()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var surgery = new DateOnly(2026, 2, 2);
        var stored = new List<(Guid Patient, Guid Assessment)>();
        for (var i = 0; i < 5; i++)
        {
            var patient = await ReportCohort.PatientAsync(clinician);
            stored.Add((patient, (await ReportCohort.AssessAsync(clinician, patient, surgery, 42, 2))["id"]!.GetValue<Guid>()));
        }

        // Every answer edited from 2 to 9: only the new versions may count.
        foreach (var (patient, assessment) in stored)
        {
            var edit = Inputs.Valid(surgery.AddDays(42), daysSinceSurgery: 42, backPain: 9);
            var revised = await clinician.PutAsync($"/api/v1/patients/{patient}/assessments/{assessment}", Inputs.Json(edit), Cancel);
            Assert.True(revised.IsSuccessStatusCode, $"edit gave {(int)revised.StatusCode}");
        }

        var report = await BuildAsync(new ReportFilter { From = surgery, To = surgery });
        Assert.Equal(5, report.Assessments);
        Assert.Equal([5, 9, 9, 9], report.Table(ReportTables.PainCourse)!.Rows[6].Skip(1).Select(c => c.Number));
        Assert.Equal(["6", "5", "5", "100.0"], Texts(report.Table(ReportTables.PersistentPain)!.Rows[0]));
    }

    private Task<OutcomesReport> BuildAsync(ReportFilter filter) =>
        App.WithServiceAsync<ReportService, OutcomesReport>(reports => reports.BuildAsync(filter, Cancel));

    private static IReadOnlyList<ReportCell> Row(ReportTable table, string label) => table.Rows.Single(r => r[0].Text == label);

    private static string[] Texts(IEnumerable<ReportCell> cells) => [.. cells.Select(c => c.Text)];

    private static string Cell(int count) => count is > 0 and < 5 ? "<5" : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The quantile by linear interpolation between the sorted values (R type 7), worked out from the list itself.</summary>
    private static double Quartile(int[] values, double p)
    {
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }
}

public sealed class ReportOnSqlite(SqliteApp app) : ReportTests(app), IClassFixture<SqliteApp>;

public sealed class ReportOnPostgres(PostgresApp app) : ReportTests(app), IClassFixture<PostgresApp>;
