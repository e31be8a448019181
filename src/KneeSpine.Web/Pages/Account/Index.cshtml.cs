using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Audit;
using KneeSpine.Web.RateLimits;
using KneeSpine.Web.Tokens;
using KneeSpine.Web.Ui;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KneeSpine.Web.Pages.Account;

/// <summary>The signed-in user's account: password link and personal access tokens (a new token is shown once).</summary>
[EnableRateLimiting(RateLimitsRegistration.TokenPolicy)]
[Audited(AuditAction.TokenCreate, Method = "POST")]
public sealed class IndexModel(UserManager<KneeSpineUser> users, PersonalAccessTokens tokens) : PageModel
{
    public const int MaxNameLength = 100;

    public IReadOnlyList<TokenSummary> Tokens { get; private set; } = [];

    public CreatedToken? NewToken { get; private set; }

    /// <summary>Patients use the site, not the API: they are not offered tokens (a token made for one by an operator can still be revoked here).</summary>
    public bool OffersTokens => !User.IsInRole(Roles.Patient);

    public IReadOnlyList<ErrorSummaryItem> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        Tokens = await tokens.ListAsync(user.Id, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        if (!OffersTokens)
        {
            HttpContext.Audit().Deny("patient accounts are not offered personal access tokens");
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            Errors = [new ErrorSummaryItem("token-name", $"Enter a token name of 1 to {MaxNameLength} characters.")];
        }
        else
        {
            NewToken = await tokens.CreateAsync(user, name.Trim(), PersonalAccessTokens.DefaultLifetime, cancellationToken).ConfigureAwait(false);
            var audit = HttpContext.Audit();
            audit.Outcome = AuditOutcome.Success;
            audit.TokenId = NewToken.Id;
            audit.Detail = "token name: " + NewToken.Name;
        }

        Tokens = await tokens.ListAsync(user.Id, cancellationToken).ConfigureAwait(false);
        // Never cache a page that shows a secret.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        var audit = HttpContext.Audit();
        audit.Action = AuditAction.TokenRevoke;
        audit.TokenId = id;
        if (!await tokens.RevokeAsync(user.Id, id, cancellationToken).ConfigureAwait(false))
        {
            audit.Outcome = AuditOutcome.Failure;
            audit.Detail = "not one of this account's tokens";
        }

        return RedirectToPage();
    }
}
