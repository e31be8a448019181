namespace KneeSpine.Web.Audit;

public static class AuditHttpContextExtensions
{
    /// <summary>The request's audit record, created on first use.</summary>
    public static AuditRecord Audit(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<AuditRecord>() is { } record)
        {
            return record;
        }

        record = new AuditRecord();
        context.Features.Set(record);
        return record;
    }
}
