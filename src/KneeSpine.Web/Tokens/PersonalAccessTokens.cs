using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Store.Tokens;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tokens;

/// <summary>
/// Personal access tokens for the API: 256 random bits, stored only as a SHA-256 hash
/// (docs/decisions/ADR-020-personal-access-tokens.md).
/// </summary>
public sealed class PersonalAccessTokens(KneeSpineDbContext db, TimeProvider time, TokenAccountCache cache)
{
    /// <summary>Marks KneeSpine tokens so secret scanners and people can recognise one.</summary>
    public const string TokenPrefix = "ksp_";

    /// <summary>How long a token works unless its maker says otherwise, on the web and in <c>kneespine token create</c>.</summary>
    public const int DefaultLifetimeDays = 90;

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(DefaultLifetimeDays);

    public async Task<CreatedToken> CreateAsync(KneeSpineUser user, string name, TimeSpan? lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var token = TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var entity = new PersonalAccessToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = user.Id,
            Name = name.Trim(),
            TokenHash = Hash(token),
            Prefix = token[..12],
            CreatedAt = now,
            ExpiresAt = lifetime is { } span ? now + span : null,
        };
        db.PersonalAccessTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CreatedToken(entity.Id, entity.Name, token, entity.CreatedAt, entity.ExpiresAt);
    }

    public async Task<IReadOnlyList<TokenSummary>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var tokens = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. tokens.OrderByDescending(t => t.CreatedAt).Select(t => new TokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt))];
    }

    /// <summary>Revokes one of the user's tokens; false when the user has no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The account a token belongs to, when the token is known, not revoked and not expired (read from the database).</summary>
    public async Task<KneeSpineUser?> FindUserAsync(string token, CancellationToken cancellationToken = default) =>
        IsWellFormed(token) ? (await QueryAccountAsync(Hash(token), cancellationToken).ConfigureAwait(false))?.User : null;

    /// <summary>
    /// The account and its roles, when the token is known, not revoked and not expired, for authenticating a request:
    /// from <see cref="TokenAccountCache"/> when it was checked moments ago, else with one query. The account is
    /// shared by later requests: read it, never change it.
    /// </summary>
    public async Task<TokenAccount?> FindAccountAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var hash = Hash(token);
        if (cache.Find(hash) is { } cached)
        {
            return cached;
        }

        var version = AccountChanges.Version;
        var account = await QueryAccountAsync(hash, cancellationToken).ConfigureAwait(false);
        if (account is not null)
        {
            cache.Add(hash, account, version);
        }

        return account;
    }

    private static bool IsWellFormed(string token) => token.StartsWith(TokenPrefix, StringComparison.Ordinal) && token.Length <= 100;

    private async Task<TokenAccount?> QueryAccountAsync(string hash, CancellationToken cancellationToken)
    {
        var found = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new
            {
                t.Id,
                t.ExpiresAt,
                User = u,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return found is null || found.ExpiresAt <= time.GetUtcNow()
            ? null
            : new TokenAccount(found.Id, found.User, [.. found.Roles.OfType<string>()], found.ExpiresAt);
    }

    internal static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
