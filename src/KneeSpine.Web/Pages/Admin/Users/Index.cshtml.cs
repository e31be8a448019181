using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.ClinicIdentity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Pages.Admin.Users;

/// <summary>Every account with its role and linked patient.</summary>
[Authorize(Policy = Policies.Admin)]
[Audited(AuditAction.UserList)]
public sealed class IndexModel(KneeSpineDbContext db, TimeProvider time, ClinicProfile clinic) : PageModel
{
    public sealed record UserRow(string Id, string Email, string Role, Guid? PatientId, string? PatientName, DateTimeOffset? LockedUntil, DateTimeOffset? DisabledAt);

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Created { get; set; }

    public string LocalTime(DateTimeOffset instant) => KneeSpine.Web.ClinicIdentity.ClinicTimeFormat.Time(clinic, instant);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // An admin page over a clinic's accounts: a few queries, joined in memory.
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? "", cancellationToken).ConfigureAwait(false);
        var userRoles = (await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(ur => ur.UserId, ur => roleNames.GetValueOrDefault(ur.RoleId, ""));
        var patientNames = await db.Patients.AsNoTracking().Where(p => db.Users.Any(u => u.PatientId == p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken).ConfigureAwait(false);
        Users = [.. users
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Select(u => new UserRow(
                u.Id,
                u.Email ?? "",
                userRoles[u.Id].FirstOrDefault() ?? "none",
                u.PatientId,
                u.PatientId is { } id ? patientNames.GetValueOrDefault(id) : null,
                u.LockoutEnd > now ? u.LockoutEnd : null,
                u.DisabledAt))];
    }
}
