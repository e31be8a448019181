namespace KneeSpine.Store.Audit;

/// <summary>
/// One entry of the audit trail: who did what to which patient's record, when, from where and how it ended.
/// The table is append-only: the application never updates or deletes a row (<see cref="AppendOnlyAuditInterceptor"/>,
/// and database triggers from the <c>AuditTrail</c> migrations).
/// </summary>
/// <remarks>
/// No foreign keys: an event must outlive the account and record it names, and a refused attempt may name a
/// patient id that does not exist. Text is cut to the column sizes (<see cref="Limits"/>) when written.
/// </remarks>
public sealed class AuditEvent
{
    /// <summary>Increasing in insertion order.</summary>
    public long Id { get; set; }

    /// <summary>When the request (or command) started, UTC.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public AuditAction Action { get; set; }

    public AuditOutcome Outcome { get; set; }

    /// <summary>The HTTP status answered; null for the command line.</summary>
    public int? StatusCode { get; set; }

    /// <summary>The account's id, when one is known.</summary>
    public string? UserId { get; set; }

    /// <summary>The account's email, the name tried at a sign-in, the EHR's issuer, the operating-system user of the CLI, or <c>anonymous</c>.</summary>
    public required string UserName { get; set; }

    /// <summary>The account's role (admin, clinician, patient), when signed in.</summary>
    public string? Role { get; set; }

    /// <summary>The personal access token used (or created or revoked).</summary>
    public Guid? TokenId { get; set; }

    /// <summary>The calling program when it is not a browser or API client: <c>cds-hooks</c>, <c>kneespine-cli</c>.</summary>
    public string? Client { get; set; }

    /// <summary>The patient whose record was touched (or aimed at), when one is.</summary>
    public Guid? PatientId { get; set; }

    /// <summary>Method and path (never the query string, which can hold names), or the command line's verb.</summary>
    public string? Resource { get; set; }

    public string? RemoteAddress { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>What else is worth knowing: why a sign-in failed, the account created, counts of an import.</summary>
    public string? Detail { get; set; }

    /// <summary>Column sizes; longer text is cut when the event is written.</summary>
    public static class Limits
    {
        public const int UserId = 64;
        public const int UserName = 256;
        public const int Role = 32;
        public const int Client = 64;
        public const int Resource = 512;
        public const int RemoteAddress = 64;
        public const int UserAgent = 256;
        public const int Detail = 512;
    }

    /// <summary>Cuts every text to its column size, so an overlong value never makes the insert fail.</summary>
    internal void Fit()
    {
        UserId = Cut(UserId, Limits.UserId);
        UserName = Cut(UserName, Limits.UserName) ?? "anonymous";
        Role = Cut(Role, Limits.Role);
        Client = Cut(Client, Limits.Client);
        Resource = Cut(Resource, Limits.Resource);
        RemoteAddress = Cut(RemoteAddress, Limits.RemoteAddress);
        UserAgent = Cut(UserAgent, Limits.UserAgent);
        Detail = Cut(Detail, Limits.Detail);
    }

    // PostgreSQL text cannot hold NUL, and a cut between the halves of a surrogate pair would not encode.
    private static string? Cut(string? text, int length)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > length)
        {
            text = text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
        }

        return text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;
    }
}
