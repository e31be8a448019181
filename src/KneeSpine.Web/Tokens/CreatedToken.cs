namespace KneeSpine.Web.Tokens;

/// <summary>A token just created. <see cref="Token"/> is shown once and never stored.</summary>
public sealed record CreatedToken(Guid Id, string Name, string Token, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
