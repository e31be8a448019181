using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Account;

/// <summary>Signs out on POST only, so a link elsewhere cannot sign a user out.</summary>
[Audited(AuditAction.Logout, Method = "POST")]
public sealed class LogoutModel(SignInManager<KneeSpineUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync().ConfigureAwait(false);
        return LocalRedirect("/account/login");
    }
}
