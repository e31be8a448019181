namespace KneeSpine.Store.Audit;

/// <summary>How an audited action ended.</summary>
public enum AuditOutcome
{
    /// <summary>Done as asked.</summary>
    Success,

    /// <summary>Not done: invalid input, nothing found, a wrong password, an error.</summary>
    Failure,

    /// <summary>Refused: not signed in, not allowed, another patient's record, a locked account or a rejected credential.</summary>
    Denied,
}
