using System.ComponentModel.DataAnnotations;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Audit;
using KneeSpine.Web.RateLimits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeSpine.Web.Pages.Account;

/// <summary>
/// Sets a new password with the one-time link an admin made (Identity's reset token: it expires, and stops working
/// once any password is set, because setting one renews the account's security stamp). Open to anyone holding the
/// link; rate-limited like the sign-in.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitsRegistration.LoginPolicy)]
[Audited(AuditAction.PasswordReset, Method = "POST")]
public sealed class ResetPasswordModel(UserManager<KneeSpineUser> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public bool LinkBroken { get; private set; }

    public void OnGet() => LinkBroken = string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code);

    public async Task<IActionResult> OnPostAsync()
    {
        var audit = HttpContext.Audit();
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId).ConfigureAwait(false);
        if (user is null || string.IsNullOrEmpty(Code))
        {
            audit.Outcome = AuditOutcome.Failure;
            audit.Detail = "reset link names no account";
            LinkBroken = true;
            return Page();
        }

        audit.UserId = user.Id;
        audit.UserName = user.Email;
        if (!ModelState.IsValid)
        {
            audit.Outcome = AuditOutcome.Failure;
            audit.Detail = "no new password given";
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Code, Input.NewPassword).ConfigureAwait(false);
        if (result.Succeeded)
        {
            audit.Outcome = AuditOutcome.Success;
            audit.Detail = $"new password set for account {user.Email}";
            Done = true;
            return Page();
        }

        audit.Outcome = AuditOutcome.Failure;
        audit.Detail = string.Join(" ", result.Errors.Select(e => e.Code));
        if (result.Errors.Any(e => e.Code == "InvalidToken"))
        {
            LinkBroken = true;
        }
        else
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.NewPassword", error.Description);
            }
        }

        return Page();
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter a new password.")]
        public string NewPassword { get; set; } = "";
    }
}
