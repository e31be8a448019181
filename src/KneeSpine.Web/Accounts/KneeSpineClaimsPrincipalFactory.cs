using System.Globalization;
using System.Security.Claims;
using KneeSpine.Store.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Accounts;

/// <summary>
/// The claims of a signed-in account: id, name, email, security stamp, roles and the linked patient id (so access
/// checks need no database round trip). KneeSpine stores no per-user or per-role claims (roles and the patient link
/// are its whole authorization model), so unlike Identity's default factory this one does not query for them: one
/// query (the roles) instead of four, on every sign-in and every token request.
/// </summary>
internal sealed class KneeSpineClaimsPrincipalFactory(
    UserManager<KneeSpineUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<KneeSpineUser, IdentityRole>(userManager, roleManager, options)
{
    /// <summary>The identity for <paramref name="user"/> with <paramref name="roles"/>; personal access tokens build theirs here too, so both carry the same claims.</summary>
    public static ClaimsIdentity Identity(KneeSpineUser user, IEnumerable<string> roles, ClaimsIdentityOptions claims)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(claims);
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, claims.UserNameClaimType, claims.RoleClaimType);
        identity.AddClaim(new Claim(claims.UserIdClaimType, user.Id));
        identity.AddClaim(new Claim(claims.UserNameClaimType, user.UserName ?? ""));
        if (!string.IsNullOrEmpty(user.Email))
        {
            identity.AddClaim(new Claim(claims.EmailClaimType, user.Email));
        }

        // The cookie's security-stamp check compares this with the stored stamp (password change, lockout).
        identity.AddClaim(new Claim(claims.SecurityStampClaimType, user.SecurityStamp ?? ""));
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(claims.RoleClaimType, role));
        }

        if (user.PatientId is { } patientId)
        {
            identity.AddClaim(new Claim(KneeSpineClaims.PatientId, patientId.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KneeSpineUser user)
    {
        var roles = await UserManager.GetRolesAsync(user).ConfigureAwait(false);
        return Identity(user, roles, Options.ClaimsIdentity);
    }
}
