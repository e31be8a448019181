using Hl7.Fhir.Model;

namespace KneeSpine.Web.Smart;

/// <summary>
/// KneeSpine's part in a SMART App Launch, stated in <c>/fhir/metadata</c> as a <c>rest</c> entry in client mode
/// (ADR-146). KneeSpine is a SMART app that an EHR launches; it is not a SMART authorization server, and its own
/// FHIR endpoint does not take EHR-issued tokens, so the server entry claims no SMART security.
/// </summary>
internal static class SmartAppCapability
{
    /// <summary>The SMART capabilities extension (declared in FHIR R4's CapabilityStatement extensions).</summary>
    public const string CapabilitiesExtension = "http://fhir-registry.smarthealthit.org/StructureDefinition/capabilities";

    private const string SecurityServiceSystem = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    /// <summary>
    /// SMART 2.0 codes missing from R4's required SmartCapabilities value set (taken from SMART 1.0): in the extension
    /// they would make the statement invalid R4, so they are stated in the description only.
    /// </summary>
    private static readonly HashSet<string> NewerThanR4 = new(StringComparer.Ordinal) { "client-confidential-asymmetric", "permission-v2" };

    /// <summary>The client-mode entry; null when no EHR is configured (then every launch is refused, so none is offered).</summary>
    public static CapabilityStatement.RestComponent? Describe(SmartOptions options, string appRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Ehrs.Count == 0)
        {
            return null;
        }

        var security = new CapabilityStatement.SecurityComponent
        {
            Service = [new CodeableConcept(SecurityServiceSystem, "SMART-on-FHIR", "SMART-on-FHIR")],
            Description = $"KneeSpine is a confidential SMART app (App Launch 2.0, EHR launch). Launch URL {appRoot}/smart/launch, "
                + $"redirect URI {appRoot}{SmartLaunchFlow.CallbackPath}. It reads each configured EHR's "
                + "{iss}/.well-known/smart-configuration, authorizes with PKCE (S256) and asks for the scopes "
                + $"'{SmartLaunchFlow.Scope}'. Only configured issuers are accepted. SMART 2.0 capabilities used: "
                + string.Join(", ", Capabilities(options)) + ".",
        };
        foreach (var capability in Capabilities(options).Where(c => !NewerThanR4.Contains(c)))
        {
            security.Extension.Add(new Extension(CapabilitiesExtension, new Code(capability)));
        }

        return new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Client,
            Documentation = "What KneeSpine does as a SMART app against an EHR's FHIR server: it reads the launch patient "
                + "(matched by identifier, never by name) and signs in the clinician named by fhirUser.",
            Security = security,
            Resource =
            [
                new CapabilityStatement.ResourceComponent
                {
                    Type = "Patient",
                    Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
                    Documentation = "The launch context's patient, read once with the EHR's access token.",
                },
            ],
        };
    }

    /// <summary>The SMART 2.0 capability codes KneeSpine uses; client authentication as configured per EHR.</summary>
    public static IEnumerable<string> Capabilities(SmartOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        yield return "launch-ehr";
        if (options.Ehrs.Any(e => !string.IsNullOrEmpty(e.ClientSecret)))
        {
            yield return "client-confidential-symmetric";
        }

        if (options.Ehrs.Any(e => !string.IsNullOrEmpty(e.PrivateKeyPath)))
        {
            yield return "client-confidential-asymmetric";
        }

        yield return "sso-openid-connect";
        yield return "context-ehr-patient";
        yield return "permission-patient";
        yield return "permission-v2";
    }
}
