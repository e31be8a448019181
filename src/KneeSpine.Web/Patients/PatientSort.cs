namespace KneeSpine.Web.Patients;

/// <summary>How the patient list is ordered; each in the direction a clinician looking for who needs attention wants.</summary>
public enum PatientSort
{
    /// <summary><c>name</c>: A to Z.</summary>
    Name,

    /// <summary><c>open-item</c>: the most severe open worklist item first, then the patients without one.</summary>
    OpenItem,

    /// <summary><c>last-assessed</c>: the longest since their last assessment first (never assessed at the top).</summary>
    LastAssessed,

    /// <summary><c>days-since-surgery</c>: the most recent surgery first.</summary>
    DaysSinceSurgery,

    /// <summary><c>follow-up</c>: the earliest next check-in first, so the most overdue lead; none scheduled last.</summary>
    FollowUp,
}
