namespace KneeSpine.Web.Tests.Security;

/// <summary>The callers of the matrix; routes are filled with patient A's record.</summary>
public enum CallerKind
{
    Anonymous,
    PatientA,
    PatientB,
    Clinician,
    Admin,
}
