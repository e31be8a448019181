namespace KneeSpine.Web.Tokens;

/// <summary>What an account page may show about a token (never the token itself).</summary>
public sealed record TokenSummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);
