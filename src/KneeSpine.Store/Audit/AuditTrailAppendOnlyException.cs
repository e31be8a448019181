namespace KneeSpine.Store.Audit;

/// <summary>Code tried to change or delete an audit event; nothing was saved.</summary>
public sealed class AuditTrailAppendOnlyException : InvalidOperationException
{
    public AuditTrailAppendOnlyException()
    {
    }

    public AuditTrailAppendOnlyException(string message)
        : base(message)
    {
    }

    public AuditTrailAppendOnlyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
