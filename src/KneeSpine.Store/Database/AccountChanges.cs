using KneeSpine.Store.Accounts;
using KneeSpine.Store.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KneeSpine.Store.Database;

/// <summary>
/// A counter of saved changes to accounts, their roles and their tokens in this process. A cache of who a credential
/// belongs to remembers the counter when it reads the database and trusts the entry only while the counter is
/// unchanged, so a revocation, lockout or role change made here is seen by the very next request (ADR-059).
/// </summary>
public static class AccountChanges
{
    private static long s_version;

    /// <summary>Read before querying; an entry cached with an older value is stale.</summary>
    public static long Version => Interlocked.Read(ref s_version);

    internal static bool Touches(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is KneeSpineUser or PersonalAccessToken or IdentityRole or IdentityUserRole<string>);

    /// <summary>Called after the save (committed or failed), so a reader that saw the old rows also sees the new counter.</summary>
    internal static void Record() => Interlocked.Increment(ref s_version);
}
