using KneeSpine.Store.Database;
using KneeSpine.Store.Reports;

namespace KneeSpine.Web.Reports;

/// <summary>The filter as SQL over <see cref="ReportRow"/>: every condition is an indexed or narrow column, no JSON.</summary>
public static class ReportQuery
{
    public static IQueryable<ReportRow> Rows(KneeSpineDbContext db, ReportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var rows = db.ReportRows.AsQueryable();
        if (filter.From is { } from)
        {
            rows = rows.Where(r => r.SurgeryDate >= from);
        }

        if (filter.To is { } to)
        {
            rows = rows.Where(r => r.SurgeryDate <= to);
        }

        if (filter.Age is { } age)
        {
            var (min, max) = AgeBands.Bounds(age);
            rows = rows.Where(r => r.AgeAtSurgery >= min && r.AgeAtSurgery <= max);
        }

        if (filter.Sex is { } sex)
        {
            rows = rows.Where(r => r.Sex == sex);
        }

        if (filter.Anesthesia is { } anesthesia)
        {
            rows = rows.Where(r => r.Anesthesia == anesthesia);
        }

        if (filter.Procedure is { } procedure)
        {
            rows = rows.Where(r => r.Procedure == procedure);
        }

        if (filter.Side is { } side)
        {
            rows = rows.Where(r => r.Side == side);
        }

        return rows;
    }
}
