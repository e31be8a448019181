namespace KneeSpine.Store.Accounts;

/// <summary>The three roles. Admins can do everything clinicians can.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Clinician = "clinician";
    public const string Patient = "patient";

    public static IReadOnlyList<string> All { get; } = [Admin, Clinician, Patient];
}
