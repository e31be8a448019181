using KneeSpine.Store.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages;

/// <summary>The front page: signed-in users go straight to their own starting page.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.IsInRole(Roles.Admin))
        {
            return Redirect("/admin/users");
        }

        if (User.IsInRole(Roles.Clinician))
        {
            return Redirect("/patients");
        }

        return User.IsInRole(Roles.Patient) ? Redirect("/me") : Page();
    }
}
