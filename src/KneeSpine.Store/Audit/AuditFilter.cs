namespace KneeSpine.Store.Audit;

/// <summary>Which audit events to list; every condition given must hold.</summary>
public sealed record AuditFilter
{
    public Guid? PatientId { get; init; }

    /// <summary>Part of the user name (any case), or the exact account id.</summary>
    public string? User { get; init; }

    public AuditAction? Action { get; init; }

    public AuditOutcome? Outcome { get; init; }

    /// <summary>Events at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Events before this instant.</summary>
    public DateTimeOffset? Until { get; init; }
}
