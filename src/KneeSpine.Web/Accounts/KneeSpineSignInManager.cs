using KneeSpine.Store.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Accounts;

/// <summary>Identity's sign-in, refusing an account an admin has disabled (whatever the password).</summary>
internal sealed class KneeSpineSignInManager(
    UserManager<KneeSpineUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<KneeSpineUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<KneeSpineUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<KneeSpineUser> confirmation)
    : SignInManager<KneeSpineUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(KneeSpineUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DisabledAt is null && await base.CanSignInAsync(user).ConfigureAwait(false);
    }
}
