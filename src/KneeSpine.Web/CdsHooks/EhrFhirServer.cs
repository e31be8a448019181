using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using KneeSpine.Fhir.CdsHooks;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Web.Fhir;

namespace KneeSpine.Web.CdsHooks;

/// <summary>
/// Reads the latest KneeSpine QuestionnaireResponse from the EHR's own FHIR server when the EHR sent no prefetch
/// (CDS Hooks 2.0 <c>fhirServer</c> + <c>fhirAuthorization</c>). The URL comes from the request body, so it is only
/// called when it is one of the calling client's configured <c>FhirServers</c> (ADR-043): no other address is ever
/// contacted and the EHR's access token goes nowhere else. No redirects, a short timeout, a size cap.
/// </summary>
internal sealed class EhrFhirServer(IHttpClientFactory http, ILogger<EhrFhirServer> logger)
{
    public const string HttpClientName = "cds-hooks-fhir-server";

    /// <summary>A search answer larger than this is not read (one QuestionnaireResponse is a few KiB).</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>Whether <paramref name="fhirServer"/> is exactly one of the base URLs configured for <paramref name="client"/>.</summary>
    public static bool IsAllowed(CdsClientOptions client, Uri fhirServer)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fhirServer);
        if (!fhirServer.IsAbsoluteUri || fhirServer.UserInfo.Length > 0 || fhirServer.Query.Length > 0 || fhirServer.Fragment.Length > 0)
        {
            return false;
        }

        return client.FhirServers.Any(allowed =>
            string.Equals(allowed.Scheme, fhirServer.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(allowed.IdnHost, fhirServer.IdnHost, StringComparison.OrdinalIgnoreCase)
            && allowed.Port == fhirServer.Port
            && string.Equals(allowed.AbsolutePath.TrimEnd('/'), fhirServer.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal));
    }

    /// <summary>
    /// The search answer's text; null when <paramref name="fhirServer"/> is not on <paramref name="client"/>'s list (it is
    /// then not contacted), or could not be reached, refused, failed or took too long.
    /// </summary>
    public async Task<string?> SearchLatestAssessmentAsync(
        CdsClientOptions client, Uri fhirServer, string? accessToken, string patientId, CancellationToken cancellationToken)
    {
        if (!IsAllowed(client, fhirServer))
        {
            return null;
        }

        var url = new Uri(fhirServer.AbsoluteUri.TrimEnd('/') + "/" + CdsServiceDiscovery.Prefetch[CdsServiceDiscovery.LatestAssessmentKey]
            .Replace("{{context.patientId}}", Uri.EscapeDataString(patientId), StringComparison.Ordinal));
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirFormat.FhirJson));
            if (accessToken is not null)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            }

            using var answer = await http.CreateClient(HttpClientName).SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccessStatusCode)
            {
                logger.LogWarning("FHIR server {Server} answered {Status} to the latest-assessment search", fhirServer, (int)answer.StatusCode);
                return null;
            }

            return await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // TaskCanceledException without the caller cancelling is the client's timeout.
            logger.LogWarning(exception, "FHIR server {Server} could not be reached", fhirServer);
            return null;
        }
    }

    /// <summary>The newest KneeSpine response about <paramref name="patientId"/> in a search Bundle (or a bare response); null when there is none.</summary>
    public static QuestionnaireResponse? Latest(Resource resource, string patientId)
    {
        IEnumerable<QuestionnaireResponse> responses = resource switch
        {
            QuestionnaireResponse single => [single],
            Bundle bundle => bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>(),
            _ => [],
        };
        return responses
            .Where(r => r.Questionnaire is null || r.Questionnaire.StartsWith(KneeSpineCodeSystems.QuestionnaireUrl, StringComparison.Ordinal))
            // Another patient's answers must never produce this patient's card, whatever the EHR's search returned.
            .Where(r => IsAbout(r, patientId))
            .OrderByDescending(r => r.Authored, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>A response without a subject is taken as the context patient's (the EHR searched by patient); one naming another is not.</summary>
    private static bool IsAbout(QuestionnaireResponse response, string patientId)
    {
        if (response.Subject?.Reference is not { Length: > 0 } reference)
        {
            return true;
        }

        var marker = reference.LastIndexOf("Patient/", StringComparison.Ordinal);
        return marker >= 0 && string.Equals(reference[(marker + "Patient/".Length)..].TrimEnd('/'), patientId, StringComparison.Ordinal);
    }
}
