using System.Globalization;
using System.Security.Claims;
using KneeSpine.Store.Accounts;

namespace KneeSpine.Web.Accounts;

/// <summary>Claims KneeSpine adds to a signed-in user, and what they allow.</summary>
public static class KneeSpineClaims
{
    /// <summary>The patient record a patient account is linked to.</summary>
    public const string PatientId = "kneespine:patient_id";

    /// <summary>The personal access token a request authenticated with.</summary>
    public const string TokenId = "kneespine:token_id";

    public static bool IsClinician(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Clinician);

    public static Guid? LinkedPatientId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PatientId), CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The id of the personal access token the request came with; null for a cookie.</summary>
    public static Guid? UsedTokenId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TokenId), CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Clinicians and admins see every patient; a patient sees only the linked record.</summary>
    public static bool CanAccessPatient(this ClaimsPrincipal user, Guid patientId) =>
        user.IsClinician() || (user.IsInRole(Roles.Patient) && user.LinkedPatientId() == patientId);

    /// <summary>The name recorded as author of stored data.</summary>
    public static string AuditName(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("An anonymous request cannot store data.");
}
