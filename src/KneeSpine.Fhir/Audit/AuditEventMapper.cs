using System.Globalization;
using Hl7.Fhir.Model;
using KneeSpine.Fhir.Terminology;

namespace KneeSpine.Fhir.Audit;

/// <summary>Maps a stored audit event to an R4 AuditEvent (DICOM event types, KneeSpine action as subtype).</summary>
/// <remarks>
/// Outcomes: success is 0, failure (bad input, not found, wrong password) is 4 "minor failure", denied (refused
/// credentials or access, another patient's record) is 8 "serious failure"; <c>outcomeDesc</c> says which, with the
/// HTTP status. The personal access token that acted is the agent's <c>policy</c> (as IHE BALP records a token id).
/// </remarks>
public static class AuditEventMapper
{
    private const string Observer = "KneeSpine";

    public static AuditEvent ToAuditEvent(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var definition = AuditActions.For(entry.Action);
        var action = new Coding(KneeSpineCodeSystems.AuditAction, definition.Code, definition.Display);
        return new AuditEvent
        {
            Id = entry.Id.ToString(CultureInfo.InvariantCulture),
            Type = definition.Type,
            Subtype = definition.StandardSubtype is { } standard ? [standard, action] : [action],
            Action = definition.Action,
            Recorded = entry.Recorded.ToUniversalTime(),
            Outcome = entry.Outcome switch
            {
                "success" => AuditEvent.AuditEventOutcome.N0,
                "failure" => AuditEvent.AuditEventOutcome.N4,
                "denied" => AuditEvent.AuditEventOutcome.N8,
                _ => throw new ArgumentException($"Unknown audit outcome '{entry.Outcome}'.", nameof(entry)),
            },
            OutcomeDesc = OutcomeText(entry),
            Agent = [Agent(entry)],
            Source = new AuditEvent.SourceComponent
            {
                Observer = new ResourceReference { Display = Observer },
                Site = entry.Client == AuditEntry.CommandLineClient ? "kneespine command line" : null,
                Type = [StandardCodes.ApplicationServerSource],
            },
            Entity = [.. Entities(entry)],
        };
    }

    private static string OutcomeText(AuditEntry entry)
    {
        var text = entry.StatusCode is { } status ? $"{entry.Outcome} (HTTP {status.ToString(CultureInfo.InvariantCulture)})" : entry.Outcome;
        return entry.Detail is { Length: > 0 } detail ? $"{text}: {detail}" : text;
    }

    private static AuditEvent.AgentComponent Agent(AuditEntry entry)
    {
        var application = entry.Client == AuditEntry.CdsHooksClient;
        var agent = new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept { Coding = [application ? StandardCodes.ApplicationAgent : StandardCodes.HumanUserAgent] },
            Who = new ResourceReference
            {
                // An EHR is named by its issuer URL; a person by their account id (none for anonymous callers).
                Identifier = application ? new Identifier("urn:ietf:rfc:3986", entry.UserName)
                    : entry.UserId is { } id ? new Identifier(KneeSpineCodeSystems.AccountIdentifier, id)
                    : null,
                Display = entry.UserName,
            },
            Requestor = true,
            Role = entry.Role is { } role ? [new CodeableConcept { Text = role }] : [],
        };
        if (entry.TokenId is { } token)
        {
            agent.Policy = ["urn:uuid:" + token.ToString("D")];
        }

        if (entry.RemoteAddress is { Length: > 0 } address)
        {
            agent.Network = new AuditEvent.NetworkComponent { Address = address, Type = AuditEvent.AuditEventAgentNetworkType.N2 };
        }

        return agent;
    }

    private static IEnumerable<AuditEvent.EntityComponent> Entities(AuditEntry entry)
    {
        if (entry.PatientId is { } patient)
        {
            yield return new AuditEvent.EntityComponent
            {
                What = new ResourceReference("Patient/" + patient.ToString("D")),
                Type = StandardCodes.PersonEntity,
                Role = StandardCodes.PatientRole,
            };
        }

        if (entry.Resource is { Length: > 0 } resource)
        {
            yield return new AuditEvent.EntityComponent { Type = StandardCodes.SystemObjectEntity, Name = resource };
        }
    }
}
