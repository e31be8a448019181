using KneeSpine.Store.Accounts;
using Microsoft.AspNetCore.Identity;

namespace KneeSpine.Web.Smart;

/// <summary>Finds the KneeSpine clinician account for an EHR user by the EHR's <see cref="SmartUserMapping"/>; refuses when none fits.</summary>
public sealed class SmartUserMatcher(UserManager<KneeSpineUser> users)
{
    public async Task<KneeSpineUser> FindAsync(SmartEhrOptions ehr, string? fhirUser)
    {
        var mapping = ehr.UserMapping;
        if (mapping.AccountFor(fhirUser) is not { } name)
        {
            throw new SmartLaunchRefusedException(
                $"The EHR did not say which {mapping.ResourceType} is signed in, so KneeSpine cannot sign you in. Ask your KneeSpine administrator.",
                $"fhirUser '{fhirUser}' is not a {mapping.ResourceType}", StatusCodes.Status403Forbidden);
        }

        var user = (mapping.Account == SmartAccountField.Email
            ? await users.FindByEmailAsync(name).ConfigureAwait(false)
            : await users.FindByNameAsync(name).ConfigureAwait(false))
            ?? throw new SmartLaunchRefusedException(
                "You do not have a KneeSpine account linked to your EHR account. Ask your KneeSpine administrator to add one.",
                $"no account for fhirUser '{fhirUser}' ({mapping.Account} {name})", StatusCodes.Status403Forbidden);

        var roles = await users.GetRolesAsync(user).ConfigureAwait(false);
        if (!roles.Contains(Roles.Clinician) && !roles.Contains(Roles.Admin))
        {
            throw new SmartLaunchRefusedException(
                "Your KneeSpine account is not a clinician account, so it cannot open patients from the EHR.",
                $"account for fhirUser '{fhirUser}' is not a clinician", StatusCodes.Status403Forbidden);
        }

        if (await users.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            throw new SmartLaunchRefusedException(
                "Your KneeSpine account is locked. Try again later or ask your KneeSpine administrator.",
                $"account for fhirUser '{fhirUser}' is locked out", StatusCodes.Status403Forbidden);
        }

        return user;
    }
}
