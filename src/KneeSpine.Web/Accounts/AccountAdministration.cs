using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Accounts;

/// <summary>
/// Creates and manages accounts and roles; used by <c>kneespine user</c>, the admin bootstrap and the admin pages.
/// Every change that takes access away also renews the security stamp, so the account's cookie sessions end at their
/// next stamp check (<see cref="AccountsRegistration.SessionCheckInterval"/>); its tokens are refused at once.
/// </summary>
public sealed class AccountAdministration(
    UserManager<KneeSpineUser> users, RoleManager<IdentityRole> roles, KneeSpineDbContext db, TimeProvider time)
{
    /// <summary>The roles an admin can move an account between; a patient account is tied to its record and keeps its role.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Clinician, Roles.Admin];

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

    /// <summary>Disables an account: it cannot sign in, its sessions end and its tokens are refused. The last enabled admin cannot be disabled.</summary>
    public async Task<AccountResult> DisableAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId).ConfigureAwait(false) is not { } user)
        {
            return AccountResult.Failed("No such account.");
        }

        if (user.DisabledAt is not null)
        {
            return new AccountResult(user, []);
        }

        if (await IsLastEnabledAdminAsync(user, cancellationToken).ConfigureAwait(false))
        {
            return AccountResult.Failed("This is the only enabled admin account; make another admin before disabling it.");
        }

        user.DisabledAt = time.GetUtcNow();
        return await SaveAsync(user, renewStamp: true).ConfigureAwait(false);
    }

    public async Task<AccountResult> EnableAsync(string userId)
    {
        if (await users.FindByIdAsync(userId).ConfigureAwait(false) is not { } user)
        {
            return AccountResult.Failed("No such account.");
        }

        user.DisabledAt = null;
        return await SaveAsync(user, renewStamp: false).ConfigureAwait(false);
    }

    /// <summary>Ends a lockout after failed sign-ins and clears the count of failures.</summary>
    public async Task<AccountResult> UnlockAsync(string userId)
    {
        if (await users.FindByIdAsync(userId).ConfigureAwait(false) is not { } user)
        {
            return AccountResult.Failed("No such account.");
        }

        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return await SaveAsync(user, renewStamp: false).ConfigureAwait(false);
    }

    /// <summary>Moves a staff account between clinician and admin. The last enabled admin cannot be demoted.</summary>
    public async Task<AccountResult> ChangeRoleAsync(string userId, string role, CancellationToken cancellationToken = default)
    {
        if (!StaffRoles.Contains(role))
        {
            return AccountResult.Failed($"Choose one of: {string.Join(", ", StaffRoles)}. A patient account keeps its role.");
        }

        if (await users.FindByIdAsync(userId).ConfigureAwait(false) is not { } user)
        {
            return AccountResult.Failed("No such account.");
        }

        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        if (current.Contains(Roles.Patient))
        {
            return AccountResult.Failed("A patient account is tied to its patient record and keeps the patient role.");
        }

        if (current.Count == 1 && current[0] == role)
        {
            return new AccountResult(user, []);
        }

        if (role != Roles.Admin && await IsLastEnabledAdminAsync(user, cancellationToken).ConfigureAwait(false))
        {
            return AccountResult.Failed("This is the only enabled admin account; make another admin before changing its role.");
        }

        await EnsureRolesAsync().ConfigureAwait(false);
        // Identity saves each step; should adding fail after removing, the account has no role, which grants nothing.
        var removed = await users.RemoveFromRolesAsync(user, current).ConfigureAwait(false);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role).ConfigureAwait(false) : removed;
        if (!added.Succeeded)
        {
            return new AccountResult(null, [.. added.Errors.Select(e => e.Description)]);
        }

        // A session made with the old role is refreshed with the new one at its next stamp check.
        return await SaveAsync(user, renewStamp: true).ConfigureAwait(false);
    }

    /// <summary>
    /// A one-time password reset token for the account (Identity's data-protection token: it expires after
    /// <see cref="AccountsRegistration.PasswordResetLifetime"/> and stops working once any password is set).
    /// </summary>
    public async Task<(KneeSpineUser? User, string? Token)> CreatePasswordResetAsync(string userId)
    {
        if (await users.FindByIdAsync(userId).ConfigureAwait(false) is not { } user)
        {
            return (null, null);
        }

        return (user, await users.GeneratePasswordResetTokenAsync(user).ConfigureAwait(false));
    }

    /// <summary>The account's single role ("none" when it has none).</summary>
    public async Task<string> RoleOfAsync(KneeSpineUser user)
    {
        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        return current.FirstOrDefault() ?? "none";
    }

    private async Task<bool> IsLastEnabledAdminAsync(KneeSpineUser user, CancellationToken cancellationToken)
    {
        if (!await users.IsInRoleAsync(user, Roles.Admin).ConfigureAwait(false))
        {
            return false;
        }

        var adminRole = roles.NormalizeKey(Roles.Admin);
        return !await db.UserRoles.AnyAsync(
            ur => ur.UserId != user.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == adminRole)
                && db.Users.Any(u => u.Id == ur.UserId && u.DisabledAt == null),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<AccountResult> SaveAsync(KneeSpineUser user, bool renewStamp)
    {
        // UpdateSecurityStampAsync saves the other changes too; UpdateAsync alone keeps the stamp.
        var saved = renewStamp ? await users.UpdateSecurityStampAsync(user).ConfigureAwait(false) : await users.UpdateAsync(user).ConfigureAwait(false);
        return saved.Succeeded ? new AccountResult(user, []) : new AccountResult(null, [.. saved.Errors.Select(e => e.Description)]);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
