using System.Collections.Concurrent;
using KneeSpine.Store.Database;

namespace KneeSpine.Web.Tokens;

/// <summary>
/// Recently validated tokens, by hash, so an API client's requests do not each look the token, account and roles up
/// (ADR-059). An entry is trusted for <see cref="Lifetime"/> at most, and not at all once this process has saved any
/// change to accounts, roles or tokens (<see cref="AccountChanges"/>): a revocation or lockout made through this node
/// applies to the next request; one made elsewhere (another node, the CLI) within <see cref="Lifetime"/>.
/// Only valid tokens are cached, never failures, and the token's own expiry is checked on every use.
/// </summary>
public sealed class TokenAccountCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public TokenAccount? Find(string tokenHash)
    {
        if (!_entries.TryGetValue(tokenHash, out var entry))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (entry.Version != AccountChanges.Version || now - entry.CachedAt >= Lifetime || entry.Account.ExpiresAt <= now)
        {
            _entries.TryRemove(tokenHash, out _);
            return null;
        }

        return entry.Account;
    }

    /// <param name="tokenHash">The token's hash.</param>
    /// <param name="account">What the database said.</param>
    /// <param name="version"><see cref="AccountChanges.Version"/> read before the database was asked.</param>
    public void Add(string tokenHash, TokenAccount account, long version)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[tokenHash] = new Entry(account, version, time.GetUtcNow());
    }

    private sealed record Entry(TokenAccount Account, long Version, DateTimeOffset CachedAt);
}
