using System.Globalization;
using System.Security.Claims;
using KneeSpine.Store.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Accounts;

/// <summary>Adds the linked patient id, so access checks need no database round trip.</summary>
internal sealed class KneeSpineClaimsPrincipalFactory(
    UserManager<KneeSpineUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<KneeSpineUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KneeSpineUser user)
    {
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        if (user.PatientId is { } patientId)
        {
            identity.AddClaim(new Claim(KneeSpineClaims.PatientId, patientId.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
