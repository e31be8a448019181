namespace KneeSpine.Store.CdsHooks;

/// <summary>
/// What an EHR user did with a CDS Hooks card (CDS Hooks 2.0 feedback). One row per card and outcome,
/// so a retried POST stores nothing new.
/// </summary>
public sealed class CdsFeedback
{
    public Guid Id { get; set; }

    public required string ServiceId { get; set; }

    /// <summary>The card's uuid as the EHR sent it back.</summary>
    public required string CardId { get; set; }

    /// <summary><c>accepted</c> or <c>overridden</c>.</summary>
    public required string Outcome { get; set; }

    /// <summary>Ids of the accepted suggestions, as a JSON array.</summary>
    public required string AcceptedSuggestionsJson { get; set; }

    /// <summary>The override reason (coding and comment), as JSON; null when none was given.</summary>
    public string? OverrideReasonJson { get; set; }

    public DateTimeOffset OutcomeTimestamp { get; set; }

    /// <summary>The EHR (JWT issuer) that sent it.</summary>
    public required string Issuer { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
