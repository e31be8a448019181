using System.ComponentModel.DataAnnotations;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Audit;
using KneeSpine.Web.RateLimits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeSpine.Web.Pages.Account;

/// <summary>Password sign-in with lockout after repeated failures.</summary>
[EnableRateLimiting(RateLimitsRegistration.LoginPolicy)]
[Audited(AuditAction.Login, Method = "POST")]
public sealed class LoginModel(SignInManager<KneeSpineUser> signIn, UserManager<KneeSpineUser> users) : PageModel
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
        // The trail names the account tried, signed in or not (the answer re-shown is a failure).
        var audit = HttpContext.Audit();
        audit.UserName = Input.Email;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Found here rather than inside PasswordSignInAsync(name, ...), which looks it up the same way, so the trail has its id.
        var user = await users.FindByNameAsync(Input.Email).ConfigureAwait(false);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        audit.UserId = user?.Id;
        audit.UserName = user?.Email ?? Input.Email;
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            audit.Deny("account locked out");
        }
        else if (result.IsNotAllowed)
        {
            audit.Deny("account disabled");
        }
        else
        {
            audit.Outcome = AuditOutcome.Failure;
            audit.Detail = user is null ? "no such account" : "wrong password";
        }

        // Same message for unknown account, wrong password and a disabled account (Identity refuses a disabled one
        // before it checks the password), so the page does not reveal which accounts exist or are disabled.
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Too many failed attempts. This account is locked for 15 minutes."
            : "The email or password is not correct, or the account is disabled. Ask the clinic's administrator if you need help.");
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = "";
    }
}
