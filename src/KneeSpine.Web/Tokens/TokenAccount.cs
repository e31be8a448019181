using KneeSpine.Store.Accounts;

namespace KneeSpine.Web.Tokens;

/// <summary>The account a valid token acts for, with its role names and the token's expiry.</summary>
public sealed record TokenAccount(KneeSpineUser User, IReadOnlyList<string> Roles, DateTimeOffset? ExpiresAt);
