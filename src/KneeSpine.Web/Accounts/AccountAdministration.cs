using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Accounts;

/// <summary>Creates accounts and roles; used by <c>kneespine user add</c>, the admin bootstrap and the admin pages.</summary>
public sealed class AccountAdministration(UserManager<KneeSpineUser> users, RoleManager<IdentityRole> roles, KneeSpineDbContext db)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false));
            }
        }
    }

    /// <summary>Creates an account with one role. A patient account must name an existing patient that has no account yet; other roles must not.</summary>
    public async Task<AccountResult> AddUserAsync(string email, string role, string password, Guid? patientId, CancellationToken cancellationToken = default)
    {
        if (!Roles.All.Contains(role))
        {
            return AccountResult.Failed($"Unknown role '{role}'; use one of: {string.Join(", ", Roles.All)}.");
        }

        if (role == Roles.Patient)
        {
            if (patientId is not { } id)
            {
                return AccountResult.Failed("A patient account must be linked to a patient (--patient ID).");
            }

            if (!await db.Patients.AnyAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false))
            {
                return AccountResult.Failed($"No patient with id {id}.");
            }

            if (await db.Users.AnyAsync(u => u.PatientId == id, cancellationToken).ConfigureAwait(false))
            {
                return AccountResult.Failed($"Patient {id} already has an account.");
            }
        }
        else if (patientId is not null)
        {
            return AccountResult.Failed("Only a patient account is linked to a patient.");
        }

        await EnsureRolesAsync().ConfigureAwait(false);
        var user = new KneeSpineUser { UserName = email, Email = email, EmailConfirmed = true, PatientId = patientId };
        var created = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return new AccountResult(null, [.. created.Errors.Select(e => e.Description)]);
        }

        var added = await users.AddToRoleAsync(user, role).ConfigureAwait(false);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user).ConfigureAwait(false);
            return new AccountResult(null, [.. added.Errors.Select(e => e.Description)]);
        }

        return new AccountResult(user, []);
    }

    public Task<bool> AnyAdminAsync(CancellationToken cancellationToken = default)
    {
        var adminRole = roles.NormalizeKey(Roles.Admin);
        return db.UserRoles.AnyAsync(
            ur => db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == adminRole), cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
