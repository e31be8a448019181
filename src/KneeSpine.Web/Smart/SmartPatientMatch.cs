namespace KneeSpine.Web.Smart;

/// <summary>The KneeSpine patient a launch opened, the identifier that decided, and whether the launch created the patient.</summary>
public sealed record SmartPatientMatch(Guid PatientId, string System, string Value, bool Created);
