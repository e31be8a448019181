using KneeSpine.Store.Patients;
using Microsoft.AspNetCore.Identity;

namespace KneeSpine.Store.Accounts;

/// <summary>An account. A patient account is linked to exactly one patient record.</summary>
public sealed class KneeSpineUser : IdentityUser
{
    public Guid? PatientId { get; set; }

    public Patient? Patient { get; set; }

    /// <summary>
    /// When an admin disabled the account; null while it is enabled. A disabled account cannot sign in and its tokens
    /// are refused. Kept apart from Identity's lockout, which counts failed passwords and ends by itself.
    /// </summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
