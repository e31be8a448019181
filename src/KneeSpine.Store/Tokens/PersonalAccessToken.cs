namespace KneeSpine.Store.Tokens;

/// <summary>A personal access token. Only the SHA-256 hash of the token is stored; the token itself is shown once.</summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token text.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so a person can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
