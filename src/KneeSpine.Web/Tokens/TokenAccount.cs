using KneeSpine.Store.Accounts;

namespace KneeSpine.Web.Tokens;

/// <summary>The token's id and the account it acts for, with its role names and the token's expiry.</summary>
public sealed record TokenAccount(Guid TokenId, KneeSpineUser User, IReadOnlyList<string> Roles, DateTimeOffset? ExpiresAt);
