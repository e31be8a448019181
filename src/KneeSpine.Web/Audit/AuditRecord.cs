using KneeSpine.Store.Audit;

namespace KneeSpine.Web.Audit;

/// <summary>
/// What one request adds to its audit event beyond the endpoint's metadata: set by handlers that know more (the
/// patient of a FHIR body, why a sign-in failed) and by authentication and authorization when they refuse.
/// <see cref="AuditMiddleware"/> writes one event from it when the request ends.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>The reason given for aiming at another patient's record.</summary>
    public const string OthersRecord = "another patient's record";

    /// <summary>Overrides the endpoint's action (one page with two kinds of post).</summary>
    public AuditAction? Action { get; set; }

    public Guid? PatientId { get; set; }

    /// <summary>Overrides the outcome the status code would give.</summary>
    public AuditOutcome? Outcome { get; set; }

    /// <summary>
    /// Who, when the request is not signed in as them (the account a sign-in is for). When set, it and
    /// <see cref="UserId"/> (null: no such account) replace the signed-in user's name, id and role.
    /// </summary>
    public string? UserName { get; set; }

    /// <summary>The account id that goes with <see cref="UserName"/>.</summary>
    public string? UserId { get; set; }

    public Guid? TokenId { get; set; }

    public string? Detail { get; set; }

    /// <summary>Authentication or authorization refused the request.</summary>
    internal bool Refused { get; private set; }

    /// <summary>A personal access token was presented (accepted or not).</summary>
    internal bool TokenPresented { get; set; }

    /// <summary>Marks the request as refused and says why.</summary>
    public void Deny(string reason)
    {
        Refused = true;
        Outcome = AuditOutcome.Denied;
        Detail = Detail is null ? reason : Detail + "; " + reason;
    }

    /// <summary>Another patient's record was aimed at: refused, whatever the answer looks like (often 404).</summary>
    public void DenyOthersRecord(Guid patientId)
    {
        PatientId = patientId;
        Deny(OthersRecord);
    }
}
