using KneeSpine.Store.Audit;

namespace KneeSpine.Web.Audit;

/// <summary>
/// Appends events to the audit trail. A failed write never fails the caller's work, which is already done: the
/// whole event goes to the log at Critical level instead, so it is not lost, and the caller learns of it.
/// </summary>
public sealed partial class AuditLog(AuditWriter writer, ILogger<AuditLog> logger)
{
    /// <summary>Writes <paramref name="auditEvent"/>; false (and logged) when it could not be stored.</summary>
    public async Task<bool> TryRecordAsync(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        try
        {
            // Not the request's token: a caller that hangs up after reading a record has still read it.
            await writer.WriteAsync(auditEvent, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // Whatever broke the write, the event must reach the log and the caller's answer must stand.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogLost(logger, exception, auditEvent.OccurredAt, auditEvent.Action, auditEvent.Outcome, auditEvent.StatusCode, auditEvent.UserName,
                auditEvent.UserId, auditEvent.TokenId, auditEvent.PatientId, auditEvent.Resource, auditEvent.RemoteAddress, auditEvent.Detail);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "AUDIT EVENT NOT STORED: {OccurredAt:o} {Action} {Outcome} {Status} user={UserName} userId={UserId} "
        + "token={TokenId} patient={PatientId} resource={Resource} from={RemoteAddress} detail={Detail}")]
    private static partial void LogLost(ILogger logger, Exception exception, DateTimeOffset occurredAt, AuditAction action, AuditOutcome outcome, int? status,
        string userName, string? userId, Guid? tokenId, Guid? patientId, string? resource, string? remoteAddress, string? detail);
}
