namespace KneeSpine.Fhir.Audit;

/// <summary>One stored audit event, as the FHIR mapping reads it (the web app fills it from its store).</summary>
public sealed record AuditEntry
{
    /// <summary><see cref="Client"/> of an EHR calling the CDS Hooks service.</summary>
    public const string CdsHooksClient = "cds-hooks";

    /// <summary><see cref="Client"/> of the <c>kneespine</c> command line.</summary>
    public const string CommandLineClient = "kneespine-cli";

    public required long Id { get; init; }

    public required DateTimeOffset Recorded { get; init; }

    /// <summary>A code of <see cref="AuditActions"/> (<c>patient-read</c>, ...).</summary>
    public required string Action { get; init; }

    /// <summary><c>success</c>, <c>failure</c> or <c>denied</c>.</summary>
    public required string Outcome { get; init; }

    public int? StatusCode { get; init; }

    public string? UserId { get; init; }

    public required string UserName { get; init; }

    public string? Role { get; init; }

    public Guid? TokenId { get; init; }

    public string? Client { get; init; }

    public Guid? PatientId { get; init; }

    public string? Resource { get; init; }

    public string? RemoteAddress { get; init; }

    public string? Detail { get; init; }
}
