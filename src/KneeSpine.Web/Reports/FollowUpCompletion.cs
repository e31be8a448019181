using KneeSpine.Store.Database;
using KneeSpine.Web.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Reports;

/// <summary>
/// The report's patients and their follow-up check-ins (ADR-088): every patient with a surgery date in the filter,
/// whether or not they have answered yet, each check-in due by the clinic's today counted once, and done when the
/// patient's latest current assessment does it (<see cref="CheckIn.IsDoneBy"/>).
/// </summary>
/// <param name="Patients">Patients in the filter.</param>
/// <param name="Assessed">Of those, patients with at least one current assessment.</param>
/// <param name="Due">Check-ins due by today, by check-in day.</param>
/// <param name="Done">Of those, check-ins done, by check-in day.</param>
public sealed record FollowUpCompletion(long Patients, long Assessed, IReadOnlyDictionary<int, long> Due, IReadOnlyDictionary<int, long> Done)
{
    /// <remarks>
    /// The patient's own record carries the surgery details (mirrored from the latest assessment); age at surgery needs
    /// both dates, so the age band is applied here while reading one narrow row per patient.
    /// </remarks>
    public static async Task<FollowUpCompletion> ComputeAsync(KneeSpineDbContext db, ReportFilter filter, FollowUpCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(calendar);
        var patients = db.Patients.Where(p => p.SurgeryDate != null);
        if (filter.From is { } from)
        {
            patients = patients.Where(p => p.SurgeryDate >= from);
        }

        if (filter.To is { } to)
        {
            patients = patients.Where(p => p.SurgeryDate <= to);
        }

        if (filter.Sex is { } sex)
        {
            patients = patients.Where(p => p.Sex == sex);
        }

        if (filter.Anesthesia is { } anesthesia)
        {
            patients = patients.Where(p => p.Anesthesia == anesthesia);
        }

        if (filter.Procedure is { } procedure)
        {
            patients = patients.Where(p => p.SurgeryProcedure == procedure);
        }

        if (filter.Side is { } side)
        {
            patients = patients.Where(p => p.SurgerySide == side);
        }

        var today = calendar.Today;
        var days = calendar.Options.Days;
        var due = days.ToDictionary(d => d, _ => 0L);
        var done = days.ToDictionary(d => d, _ => 0L);
        long count = 0, assessed = 0;
        var (minAge, maxAge) = filter.Age is { } band ? AgeBands.Bounds(band) : (int.MinValue, int.MaxValue);
        var query = patients.Select(p => new
        {
            p.BirthDate,
            SurgeryDate = p.SurgeryDate!.Value,
            Latest = db.ReportRows.Where(r => r.PatientId == p.Id).Max(r => (DateOnly?)r.AssessedOn),
        }).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false);
        await foreach (var patient in query)
        {
            var age = AgeBands.YearsBetween(patient.BirthDate, patient.SurgeryDate);
            if (age < minAge || age > maxAge)
            {
                continue;
            }

            count++;
            assessed += patient.Latest is null ? 0 : 1;
            foreach (var checkIn in FollowUpSchedule.CheckIns(patient.SurgeryDate, calendar.Options).Where(c => c.DueOn <= today))
            {
                due[checkIn.Day]++;
                done[checkIn.Day] += patient.Latest is { } latest && checkIn.IsDoneBy(latest) ? 1 : 0;
            }
        }

        return new FollowUpCompletion(count, assessed, due, done);
    }
}
