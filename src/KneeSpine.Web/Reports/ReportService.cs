using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Reports;
using KneeSpine.Web.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Reports;

/// <summary>
/// Computes the outcomes report (docs/reports.md) through <see cref="ReportingDatabase"/>: counts and groupings are
/// set-based SQL over <see cref="ReportRow"/> (ADR-130); only per-patient follow-up and the small per-week score counts
/// are finished here. Every figure leaves as a suppressed <see cref="ReportCell"/>.
/// </summary>
public sealed class ReportService(ReportingDatabase reporting, IOptions<ReportsOptions> options, FollowUpCalendar calendar, TimeProvider time)
{
    public async Task<OutcomesReport> BuildAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var db = reporting.Db;
        var cells = new SmallCells(options.Value.MinimumCellSize);
        var generatedAt = time.GetUtcNow();
        var asOf = await db.ReportRows.MaxAsync(r => (DateTimeOffset?)r.StoredAt, cancellationToken).ConfigureAwait(false);
        var rows = ReportQuery.Rows(db, filter);

        var followUp = await FollowUpCompletion.ComputeAsync(db, filter, calendar, cancellationToken).ConfigureAwait(false);
        var patients = followUp.Patients;
        var assessments = await rows.LongCountAsync(cancellationToken).ConfigureAwait(false);
        if (patients < cells.Minimum)
        {
            return new OutcomesReport(filter, patients == 0 ? 0 : null, patients == 0 ? assessments : null, asOf, generatedAt, cells.Minimum, TooFew: patients > 0, []);
        }

        var tables = new List<ReportTable>
        {
            new(ReportTables.Headline, "Headline numbers", ["Measure", "Value"],
            [
                [ReportCell.Label("Patients"), cells.Count(patients)],
                [ReportCell.Label("Assessments"), cells.Count(assessments)],
                [ReportCell.Label("Patients with at least one assessment"), cells.Count(followUp.Assessed)],
                [ReportCell.Label("Follow-up check-ins due"), cells.Count(followUp.Due.Values.Sum())],
                [ReportCell.Label("Follow-up check-ins done (%)"), cells.Percent(followUp.Done.Values.Sum(), followUp.Due.Values.Sum())],
            ]),
            new(ReportTables.FollowUp, "Follow-up completion by check-in", ["Check-in (day after surgery)", "Due", "Done", "Done (%)"],
                [.. calendar.Options.Days.Select(day => (IReadOnlyList<ReportCell>)
                [
                    ReportCell.Label($"Day {day}"), cells.Count(followUp.Due[day]), cells.Count(followUp.Done[day]), cells.Percent(followUp.Done[day], followUp.Due[day]),
                ])]),
            await TriageByWeekAsync(rows, cells, cancellationToken).ConfigureAwait(false),
        };
        tables.AddRange(await FindingsAsync(db, rows, assessments, cells, cancellationToken).ConfigureAwait(false));
        tables.Add(await PainCourseAsync(rows, cells, cancellationToken).ConfigureAwait(false));
        tables.Add(await PersistentPainAsync(rows, cells, cancellationToken).ConfigureAwait(false));
        tables.Add(await ScoreAsync(ReportTables.Phq2, "PHQ-2 (depression screen, 0-6; 3 or more is a positive screen)", rows.Where(r => r.Phq2 != null).GroupBy(r => r.Phq2!.Value), 6, cells, cancellationToken).ConfigureAwait(false));
        tables.Add(await ScoreAsync(ReportTables.Gad2, "GAD-2 (anxiety screen, 0-6; 3 or more is a positive screen)", rows.Where(r => r.Gad2 != null).GroupBy(r => r.Gad2!.Value), 6, cells, cancellationToken).ConfigureAwait(false));
        tables.Add(await ScoreAsync(ReportTables.BackFunction, "Back-function score (KneeSpine's own, 0-12, higher is more limited; not validated)", rows.Where(r => r.BackFunction != null).GroupBy(r => r.BackFunction!.Value), 12, cells, cancellationToken).ConfigureAwait(false));
        return new OutcomesReport(filter, patients, assessments, asOf, generatedAt, cells.Minimum, TooFew: false, tables);
    }

    private static async Task<ReportTable> TriageByWeekAsync(IQueryable<ReportRow> rows, SmallCells cells, CancellationToken cancellationToken)
    {
        var counts = await rows.GroupBy(r => new { r.Week, r.Triage }).Select(g => new { g.Key.Week, g.Key.Triage, Count = g.LongCount() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var levels = Code<TriageLevel>.Values;
        var weeks = Enumerable.Range(0, ReportTables.LastWeek + 2);
        return new ReportTable(ReportTables.TriageByWeek, "Triage mix by week since surgery (assessments)",
            ["Week since surgery", .. levels.Select(Code<TriageLevel>.ToCode)],
            [.. weeks.Select(week => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Label(week > ReportTables.LastWeek ? $"{week} or later" : week.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                .. levels.Select(level => cells.Count(counts.Where(c => c.Triage == level && (week > ReportTables.LastWeek ? c.Week >= week : c.Week == week)).Sum(c => c.Count))),
            ])]);
    }

    private static async Task<IEnumerable<ReportTable>> FindingsAsync(
        Store.Database.KneeSpineDbContext db, IQueryable<ReportRow> rows, long assessments, SmallCells cells, CancellationToken cancellationToken)
    {
        var counts = await (
                from f in db.ReportFindings
                join r in rows on f.SeriesId equals r.SeriesId
                group f by new { f.Kind, f.FindingId } into g
                select new { g.Key.Kind, g.Key.FindingId, Count = g.LongCount() })
            .ToDictionaryAsync(c => (c.Kind, c.FindingId), c => c.Count, cancellationToken).ConfigureAwait(false);
        long Of(ReportFindingKind kind, string id) => counts.GetValueOrDefault((kind, id));

        var knowledge = KnowledgeBase.Default;
        var alerts = new ReportTable(ReportTables.Alerts, "How often each alert appears (assessments)", ["Alert", "Level", "Assessments", "Of all assessments (%)"],
            [.. knowledge.Alerts.Select(a => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Label(a.Title), ReportCell.Label(Code<TriageLevel>.ToCode(a.Level)), cells.Count(Of(ReportFindingKind.Alert, a.Id)), cells.Percent(Of(ReportFindingKind.Alert, a.Id), assessments),
            ])]);
        var factors = new ReportTable(ReportTables.Factors, "How often each contributing factor appears (assessments)",
            ["Factor", "Likely", "Likely (%)", "Possible", "Possible (%)"],
            [.. knowledge.Factors.Select(f => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Label(f.Title),
                cells.Count(Of(ReportFindingKind.LikelyFactor, f.Id)), cells.Percent(Of(ReportFindingKind.LikelyFactor, f.Id), assessments),
                cells.Count(Of(ReportFindingKind.PossibleFactor, f.Id)), cells.Percent(Of(ReportFindingKind.PossibleFactor, f.Id), assessments),
            ])]);
        return [alerts, factors];
    }

    private static async Task<ReportTable> PainCourseAsync(IQueryable<ReportRow> rows, SmallCells cells, CancellationToken cancellationToken)
    {
        var counts = await rows.Where(r => r.Week >= 0 && r.Week <= ReportTables.LastWeek)
            .GroupBy(r => new { r.Week, r.BackPain }).Select(g => new { g.Key.Week, g.Key.BackPain, Count = g.LongCount() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ReportTable(ReportTables.PainCourse, "Back pain (0-10) by week since surgery: median and interquartile range",
            ["Week since surgery", "Assessments", "Lower quartile", "Median", "Upper quartile"],
            [.. Enumerable.Range(0, ReportTables.LastWeek + 1).Select(week =>
            {
                var histogram = counts.Where(c => c.Week == week).ToDictionary(c => c.BackPain, c => c.Count);
                var n = histogram.Values.Sum();
                return (IReadOnlyList<ReportCell>)
                [
                    ReportCell.Label(week.ToString(System.Globalization.CultureInfo.InvariantCulture)), cells.Count(n),
                    cells.Statistic(Quantiles.Of(histogram, 0.25), n), cells.Statistic(Quantiles.Of(histogram, 0.5), n), cells.Statistic(Quantiles.Of(histogram, 0.75), n),
                ];
            })]);
    }

    private static async Task<ReportTable> PersistentPainAsync(IQueryable<ReportRow> rows, SmallCells cells, CancellationToken cancellationToken)
    {
        var (first, _) = PersistentBackPain.Window(PersistentBackPain.Weeks[0]);
        var (_, last) = PersistentBackPain.Window(PersistentBackPain.Weeks[^1]);
        var visits = await rows.Where(r => r.DaysSinceSurgery >= first && r.DaysSinceSurgery <= last)
            .Select(r => new { r.PatientId, r.DaysSinceSurgery, r.AssessedOn, r.AssessmentId, r.BackPain })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ReportTable(ReportTables.PersistentPain, $"Persistent back pain ({PersistentBackPain.Threshold} or more of 10) at 6 and 12 weeks",
            ["Weeks since surgery", "Patients assessed", "With persistent back pain", "With persistent back pain (%)"],
            [.. PersistentBackPain.Weeks.Select(week =>
            {
                var (from, to) = PersistentBackPain.Window(week);
                var latest = visits.Where(v => v.DaysSinceSurgery >= from && v.DaysSinceSurgery <= to)
                    .GroupBy(v => v.PatientId)
                    .Select(g => g.OrderBy(v => v.AssessedOn).ThenBy(v => v.DaysSinceSurgery).ThenBy(v => v.AssessmentId).Last().BackPain)
                    .ToList();
                long persistent = latest.Count(p => p >= PersistentBackPain.Threshold);
                return (IReadOnlyList<ReportCell>)
                [
                    ReportCell.Label(week.ToString(System.Globalization.CultureInfo.InvariantCulture)), cells.Count(latest.Count), cells.Count(persistent), cells.Percent(persistent, latest.Count),
                ];
            })]);
    }

    private static async Task<ReportTable> ScoreAsync(string id, string title, IQueryable<IGrouping<int, ReportRow>> groups, int max, SmallCells cells, CancellationToken cancellationToken)
    {
        var counts = await groups.Select(g => new { Score = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(c => c.Score, c => c.Count, cancellationToken).ConfigureAwait(false);
        var total = counts.Values.Sum();
        return new ReportTable(id, title, ["Score", "Assessments", "Of those scored (%)"],
            [.. Enumerable.Range(0, max + 1).Select(score => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Label(score.ToString(System.Globalization.CultureInfo.InvariantCulture)), cells.Count(counts.GetValueOrDefault(score)), cells.Percent(counts.GetValueOrDefault(score), total),
            ])]);
    }
}
