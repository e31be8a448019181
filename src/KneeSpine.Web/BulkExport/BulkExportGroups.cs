using KneeSpine.Store.Database;
using StoredPatient = KneeSpine.Store.Patients.Patient;

namespace KneeSpine.Web.BulkExport;

/// <summary>
/// The groups <c>/fhir/Group/{id}/$export</c> knows (ADR-135). KneeSpine keeps no FHIR Group resources; a group is a
/// fixed, named set of patients: <c>all</c> (every patient) and <c>worklist</c> (patients with an open worklist item).
/// </summary>
internal static class BulkExportGroups
{
    public const string All = "all";
    public const string Worklist = "worklist";

    public static bool IsKnown(string id) => id is All or Worklist;

    public static IQueryable<StoredPatient> Patients(KneeSpineDbContext db, string? groupId) => groupId switch
    {
        Worklist => db.Patients.Where(p => db.WorklistItems.Any(i => i.PatientId == p.Id && i.AcknowledgedAt == null)),
        _ => db.Patients,
    };
}
