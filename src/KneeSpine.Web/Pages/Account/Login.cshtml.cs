using System.ComponentModel.DataAnnotations;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.RateLimits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeSpine.Web.Pages.Account;

/// <summary>Password sign-in with lockout after repeated failures.</summary>
[EnableRateLimiting(RateLimitsRegistration.LoginPolicy)]
public sealed class LoginModel(SignInManager<KneeSpineUser> signIn) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        // Same message for unknown account and wrong password, so the page does not reveal which accounts exist.
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Too many failed attempts. This account is locked for 15 minutes."
            : "The email or password is not correct.");
        return Page();
    }

    public sealed class LoginInput
    {
        [Required]
        [EmailAddress]
        public string Email { get; set; } = "";

        [Required]
        public string Password { get; set; } = "";
    }
}
