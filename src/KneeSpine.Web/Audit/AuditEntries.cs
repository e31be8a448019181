using KneeSpine.Engine.Codes;
using KneeSpine.Fhir.Audit;
using KneeSpine.Store.Audit;

namespace KneeSpine.Web.Audit;

/// <summary>Stored audit events as the FHIR library reads them.</summary>
public static class AuditEntries
{
    public static AuditEntry ToEntry(AuditEvent row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new AuditEntry
        {
            Id = row.Id,
            Recorded = row.OccurredAt,
            Action = Code<AuditAction>.ToCode(row.Action),
            Outcome = Code<AuditOutcome>.ToCode(row.Outcome),
            StatusCode = row.StatusCode,
            UserId = row.UserId,
            UserName = row.UserName,
            Role = row.Role,
            TokenId = row.TokenId,
            Client = row.Client,
            PatientId = row.PatientId,
            Resource = row.Resource,
            RemoteAddress = row.RemoteAddress,
            Detail = row.Detail,
        };
    }

    /// <summary>The event as an R4 AuditEvent.</summary>
    public static Hl7.Fhir.Model.AuditEvent ToFhir(AuditEvent row) => AuditEventMapper.ToAuditEvent(ToEntry(row));
}
