using KneeSpine.Store.Patients;
using Microsoft.AspNetCore.Identity;

namespace KneeSpine.Store.Accounts;

/// <summary>An account. A patient account is linked to exactly one patient record.</summary>
public sealed class KneeSpineUser : IdentityUser
{
    public Guid? PatientId { get; set; }

    public Patient? Patient { get; set; }
}
