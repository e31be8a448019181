using System.ComponentModel.DataAnnotations;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Account;

/// <summary>Changes the signed-in user's password (the current one is required) and refreshes the sign-in.</summary>
[Audited(AuditAction.PasswordChange, Method = "POST")]
public sealed class ChangePasswordModel(UserManager<KneeSpineUser> users, SignInManager<KneeSpineUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        // Identity's ChangePasswordAsync stops at a wrong current password; checking both first reports every
        // problem in one answer, as every other form does.
        var errors = new List<IdentityError>();
        if (!await users.CheckPasswordAsync(user, Input.CurrentPassword).ConfigureAwait(false))
        {
            errors.Add(new IdentityError { Code = "PasswordMismatch", Description = "The current password is not correct." });
        }

        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, Input.NewPassword).ConfigureAwait(false)).Errors);
        }

        var result = errors.Count > 0
            ? IdentityResult.Failed([.. errors])
            : await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var audit = HttpContext.Audit();
            audit.Outcome = AuditOutcome.Failure;
            audit.Detail = string.Join(" ", result.Errors.Select(e => e.Code));
            foreach (var error in result.Errors)
            {
                var key = error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(key, error.Code == "PasswordMismatch" ? "The current password is not correct." : error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        HttpContext.Audit().Outcome = AuditOutcome.Success;
        Changed = true;
        Input = new PasswordInput();
        return Page();
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password.")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        public string NewPassword { get; set; } = "";
    }
}
