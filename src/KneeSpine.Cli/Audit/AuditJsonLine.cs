using System.Text;
using System.Text.Json;
using KneeSpine.Engine.Codes;
using KneeSpine.Store.Audit;

namespace KneeSpine.Cli.Audit;

/// <summary>One audit event as one line of JSON; every key is always present (null when empty), the patient id included.</summary>
internal static class AuditJsonLine
{
    public static string Of(AuditEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("id", e.Id);
            json.WriteString("occurredAt", e.OccurredAt.ToUniversalTime());
            json.WriteString("action", Code<AuditAction>.ToCode(e.Action));
            json.WriteString("outcome", Code<AuditOutcome>.ToCode(e.Outcome));
            if (e.StatusCode is { } status)
            {
                json.WriteNumber("status", status);
            }
            else
            {
                json.WriteNull("status");
            }

            json.WriteString("user", e.UserName);
            json.WriteString("userId", e.UserId);
            json.WriteString("role", e.Role);
            json.WriteString("tokenId", e.TokenId?.ToString());
            json.WriteString("client", e.Client);
            json.WriteString("patientId", e.PatientId?.ToString());
            json.WriteString("resource", e.Resource);
            json.WriteString("remoteAddress", e.RemoteAddress);
            json.WriteString("userAgent", e.UserAgent);
            json.WriteString("detail", e.Detail);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
