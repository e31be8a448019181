namespace KneeSpine.Store.Worklist;

/// <summary>What a clinician did about a worklist item; stored as the kebab-case code (<c>called-patient</c> ...).</summary>
public enum WorklistAction
{
    CalledPatient,
    AdvisedEmergencyDepartment,
    AppointmentBooked,
    ReviewedNoAction,
    Other,
}
