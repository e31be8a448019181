using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.ClinicIdentity;
using KneeSpine.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Pages.Admin.Users;

/// <summary>
/// One account, with what an admin can do to it: disable or enable, unlock, change a staff role, and make a one-time
/// password reset link. Every action is a form post (antiforgery token) and is written to the audit trail.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[Audited(AuditAction.UserList, Method = "GET")]
[Audited(AuditAction.UserDisable, Method = "POST")]
public sealed class AccountModel(
    AccountAdministration accounts, KneeSpineDbContext db, ClinicProfile clinic, TimeProvider time) : PageModel
{
    public KneeSpineUser Account { get; private set; } = null!;

    public string Role { get; private set; } = "";

    public string? PatientName { get; private set; }

    public bool IsLockedOut { get; private set; }

    /// <summary>What the last action did, shown once.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>A reset link just made; shown on this answer only, never stored.</summary>
    public string? ResetLink { get; private set; }

    public IReadOnlyList<ErrorSummaryItem> Errors { get; private set; } = [];

    public string LocalTime(DateTimeOffset instant) => KneeSpine.Web.ClinicIdentity.ClinicTimeFormat.Time(clinic, instant);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, AuditAction.UserDisable, "disabled", () => accounts.DisableAsync(id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, AuditAction.UserEnable, "enabled", () => accounts.EnableAsync(id), cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, AuditAction.UserUnlock, "unlocked", () => accounts.UnlockAsync(id), cancellationToken);

    public Task<IActionResult> OnPostRoleAsync(string id, string? role, CancellationToken cancellationToken) =>
        ActAsync(id, AuditAction.UserRoleChange, $"changed the role to {role} of",
            () => string.IsNullOrEmpty(role)
                ? Task.FromResult(AccountResult.Failed("Choose a role."))
                : accounts.ChangeRoleAsync(id, role, cancellationToken),
            cancellationToken);

    public async Task<IActionResult> OnPostResetAsync(string id, CancellationToken cancellationToken)
    {
        var audit = HttpContext.Audit();
        audit.Action = AuditAction.PasswordResetIssue;
        var (user, token) = await accounts.CreatePasswordResetAsync(id).ConfigureAwait(false);
        if (user is null || token is null)
        {
            audit.Outcome = AuditOutcome.Failure;
            audit.Detail = "no such account";
            return NotFound();
        }

        audit.Outcome = AuditOutcome.Success;
        audit.Detail = $"made a password reset link for account {user.Email}";
        audit.PatientId = user.PatientId;
        ResetLink = $"{Request.Scheme}://{Request.Host}/account/reset-password" + QueryString.Create(new Dictionary<string, string?> { ["user"] = user.Id, ["code"] = token });
        // Never cache a page that shows a secret.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    private async Task<IActionResult> ActAsync(
        string id, AuditAction action, string verb, Func<Task<AccountResult>> act, CancellationToken cancellationToken)
    {
        var audit = HttpContext.Audit();
        audit.Action = action;
        var target = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            audit.Outcome = AuditOutcome.Failure;
            audit.Detail = "no such account";
            return NotFound();
        }

        audit.PatientId = target.PatientId;
        audit.Detail = $"{verb} account {target.Email}";
        var result = await act().ConfigureAwait(false);
        if (result.Succeeded)
        {
            Done = $"{char.ToUpperInvariant(verb[0])}{verb[1..]} the account {target.Email}.";
            return RedirectToPage(new { id });
        }

        audit.Outcome = AuditOutcome.Failure;
        audit.Detail += ": " + string.Join(" ", result.Errors);
        Errors = [.. result.Errors.Select(e => new ErrorSummaryItem("actions", e))];
        await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return false;
        }

        Account = user;
        Role = await accounts.RoleOfAsync(user).ConfigureAwait(false);
        IsLockedOut = user.LockoutEnd > time.GetUtcNow();
        PatientName = user.PatientId is { } patientId
            ? await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        return true;
    }
}
