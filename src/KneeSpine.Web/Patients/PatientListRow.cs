using KneeSpine.Store.Patients;

namespace KneeSpine.Web.Patients;

/// <summary>A patient with what the list sorts and filters by, computed in the database (members are set by the query).</summary>
internal sealed class PatientListRow
{
    public required Patient Patient { get; init; }

    /// <summary>0 emergency, 1 urgent, 2 soon: the most severe open worklist item; null when none is open.</summary>
    public int? OpenRank { get; init; }

    /// <summary>The date of the latest current (not superseded) assessment.</summary>
    public DateOnly? LastAssessed { get; init; }

    public DateOnly? SurgeryDate { get; init; }

    public bool HasAccount { get; init; }
}
