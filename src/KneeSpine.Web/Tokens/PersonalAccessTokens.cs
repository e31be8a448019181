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
public sealed class PersonalAccessTokens(KneeSpineDbContext db, TimeProvider time)
{
    /// <summary>Marks KneeSpine tokens so secret scanners and people can recognise one.</summary>
    public const string TokenPrefix = "ksp_";

    public const int DefaultLifetimeDays = 90;

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

    /// <summary>The account a token belongs to, when the token is known, not revoked and not expired.</summary>
    public async Task<KneeSpineUser?> FindUserAsync(string token, CancellationToken cancellationToken = default) =>
        (await FindAsync(token, cancellationToken).ConfigureAwait(false))?.User;

    /// <summary>The token's id and account, when the token is known, not revoked and not expired.</summary>
    public async Task<(Guid TokenId, KneeSpineUser User)?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var found = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.UserId, t.ExpiresAt })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (found is null || found.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == found.UserId, cancellationToken).ConfigureAwait(false);
        return user is null ? null : (found.Id, user);
    }

    internal static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
