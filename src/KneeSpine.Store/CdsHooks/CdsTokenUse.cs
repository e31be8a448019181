namespace KneeSpine.Store.CdsHooks;

/// <summary>
/// A CDS Hooks JWT already accepted, kept until it expires so a replay is refused by every instance
/// sharing the database (the unique key on issuer and jti decides races).
/// </summary>
public sealed class CdsTokenUse
{
    public required string Issuer { get; set; }

    public required string JwtId { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
