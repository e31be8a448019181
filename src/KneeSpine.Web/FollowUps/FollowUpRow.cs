using KneeSpine.Store.Database;

namespace KneeSpine.Web.FollowUps;

/// <summary>What the schedule needs of one patient, read in one query: surgery date and the latest current assessment date.</summary>
public sealed record FollowUpRow(Guid PatientId, string Name, DateOnly? SurgeryDate, string? Email, bool RemindersOptedOut, DateOnly? LatestAssessedOn)
{
    /// <summary>
    /// Patients with a surgery date whose first check-in is due by <paramref name="asOf"/>, as rows; with
    /// <paramref name="remindableOnly"/>, only those with an email who have not opted out.
    /// </summary>
    internal static IQueryable<FollowUpRow> Due(KneeSpineDbContext db, DateOnly asOf, FollowUpOptions options, bool remindableOnly = false)
    {
        var surgeryBy = asOf.AddDays(-options.Days[0]);
        var patients = db.Patients.Where(p => p.SurgeryDate != null && p.SurgeryDate <= surgeryBy);
        if (remindableOnly)
        {
            patients = patients.Where(p => p.Email != null && !p.RemindersOptedOut);
        }

        // An edit replaces an assessment (and maybe its date): only current versions count.
        return patients
            .Select(p => new FollowUpRow(
                p.Id,
                p.Name,
                p.SurgeryDate,
                p.Email,
                p.RemindersOptedOut,
                db.Assessments
                    .Where(a => a.PatientId == p.Id && !db.Assessments.Any(newer => newer.SupersedesId == a.Id))
                    .Max(a => (DateOnly?)a.AssessedOn)));
    }
}
