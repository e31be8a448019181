namespace KneeSpine.Web.Accounts;

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>Clinicians and admins: every patient.</summary>
    public const string Clinician = "clinician";

    /// <summary>Admins only: accounts.</summary>
    public const string Admin = "admin";
}
