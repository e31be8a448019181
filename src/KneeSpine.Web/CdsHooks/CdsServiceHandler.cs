using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using KneeSpine.Engine.Results;
using KneeSpine.Fhir.CdsHooks;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Evaluate;
using KneeSpine.Web.Fhir;
using KneeSpine.Web.Smart;
using Microsoft.Extensions.Options;
using FhirJson = KneeSpine.Fhir.Serialization.FhirJson;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace KneeSpine.Web.CdsHooks;

/// <summary>
/// Answers <c>patient-view</c> with the card of the patient's latest assessment: from the prefetched
/// QuestionnaireResponse when the EHR sent one, else from KneeSpine's own store (a KneeSpine patient id), else from
/// the EHR's FHIR server; 412 when none of these can be reached, no cards when there is no assessment.
/// </summary>
internal sealed class CdsServiceHandler(
    FhirRecords records,
    AssessmentEvaluation evaluation,
    EhrFhirServer ehrServer,
    CdsClientKeys clients,
    IOptions<CdsHooksOptions> options,
    IOptions<SmartOptions> smart,
    ILogger<CdsServiceHandler> logger)
{
    private const int MaxRequestBytes = 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return RequestBody.TooLarge(MaxRequestBytes);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Invalid("$", "The body is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid("$", "The body must be a CDS Hooks request object.");
            }

            if (Text(root, "hook") != CdsServiceDiscovery.Hook)
            {
                return Invalid("hook", $"This service answers the {CdsServiceDiscovery.Hook} hook.");
            }

            if (!root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object || Text(context, "patientId") is not { Length: > 0 } patientId)
            {
                return Invalid("context.patientId", "The patient-view context needs patientId.");
            }

            var link = (PatientLink(request, patientId), SmartLaunchLink(request));
            if (root.TryGetProperty("prefetch", out var prefetch) && prefetch.ValueKind == JsonValueKind.Object
                && prefetch.TryGetProperty(CdsServiceDiscovery.LatestAssessmentKey, out var latest) && latest.ValueKind == JsonValueKind.Object)
            {
                return FromResponse(Parse(latest.GetRawText()) is { } prefetched ? EhrFhirServer.Latest(prefetched, patientId) : null, link);
            }

            if (Guid.TryParse(patientId, CultureInfo.InvariantCulture, out var localId)
                && await records.FindPatientAsync(localId, cancellationToken).ConfigureAwait(false) is not null)
            {
                // Only here is KneeSpine's own record read; the trail names the patient.
                request.HttpContext.Audit().PatientId = localId;
                return Cards(await records.NewestResultAsync(localId, cancellationToken).ConfigureAwait(false), link);
            }

            var outcome = FhirOutcomes.Error(IssueType.Incomplete,
                "No prefetch of the latest assessment, the patient is not a KneeSpine patient, and no FHIR server could be reached: send prefetch.latestAssessment.",
                "prefetch." + CdsServiceDiscovery.LatestAssessmentKey);
            if (Text(root, "fhirServer") is { Length: > 0 } server)
            {
                var client = clients.Find((string)request.HttpContext.Items[CdsJwtFilter.IssuerItem]!);
                if (!Uri.TryCreate(server, UriKind.Absolute, out var fhirServer) || client is null || !EhrFhirServer.IsAllowed(client, fhirServer))
                {
                    logger.LogWarning("CDS client {Issuer} named a fhirServer that is not among its configured FhirServers", client?.Issuer);
                    outcome.Issue.Add(FhirOutcomes.Error(IssueType.Security,
                        "This fhirServer is not one of the FHIR servers configured for this CDS client, so it was not contacted.", "fhirServer").Issue[0]);
                }
                else if (await ehrServer.SearchLatestAssessmentAsync(client, fhirServer, AccessToken(root), patientId, cancellationToken).ConfigureAwait(false) is { } found
                    && Parse(found) is { } searched)
                {
                    return FromResponse(EhrFhirServer.Latest(searched, patientId), link);
                }
                else
                {
                    outcome.Issue.Add(FhirOutcomes.Error(IssueType.Transient,
                        "The fhirServer could not be reached, refused the search, did not answer in time or did not answer with FHIR JSON.", "fhirServer").Issue[0]);
                }
            }

            return new CdsJsonResult(FhirJson.Serialize(outcome), StatusCodes.Status412PreconditionFailed);
        }
    }

    private IResult FromResponse(QuestionnaireResponse? response, (Uri Patient, Uri? Smart) link)
    {
        if (response is null)
        {
            return Cards(null, link);
        }

        var mapping = QuestionnaireResponseMapper.ToInput(response);
        if (!mapping.IsValid)
        {
            return new CdsJsonResult(FhirJson.Serialize(mapping.ToOperationOutcome()), StatusCodes.Status400BadRequest);
        }

        var outcome = evaluation.Evaluate(mapping.Input!);
        return outcome.IsValid
            ? Cards(outcome.Result, link)
            : new CdsJsonResult(FhirJson.Serialize(FhirStoredEndpoints.ToOutcome(outcome.Errors)), StatusCodes.Status400BadRequest);
    }

    private static CdsJsonResult Cards(AssessmentResult? result, (Uri Patient, Uri? Smart) link)
    {
        var response = result is null ? new Hl7.Fhir.Model.CdsHooks.Response { Cards = [] } : CdsCardBuilder.Default.BuildResponse(result, link.Patient, link.Smart);
        foreach (var card in response.Cards ?? [])
        {
            // Feedback names the card by uuid (CDS Hooks 2.0).
            card.Uuid = Guid.NewGuid().ToString();
        }

        return new CdsJsonResult(CdsHooksJson.Serialize(response));
    }

    /// <summary>The resource in <paramref name="json"/>; null when it is not FHIR JSON (the /fhir body parser decides).</summary>
    private static Resource? Parse(string json) => FhirBody.Parse<Resource>(System.Text.Encoding.UTF8.GetBytes(json)).Resource;

    private Uri PatientLink(HttpRequest request, string patientId)
    {
        var root = options.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return new Uri(Guid.TryParse(patientId, CultureInfo.InvariantCulture, out var id) ? $"{root}/patients/{id}" : root + "/");
    }

    /// <summary>KneeSpine's SMART launch URL for a <c>smart</c> card link; null when no EHR is set up to launch it.</summary>
    private Uri? SmartLaunchLink(HttpRequest request)
    {
        if (smart.Value.Ehrs.Count == 0)
        {
            return null;
        }

        var root = smart.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/') ?? options.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/')
            ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return new Uri(root + "/smart/launch");
    }

    private static string? AccessToken(JsonElement root) =>
        root.TryGetProperty("fhirAuthorization", out var auth) && auth.ValueKind == JsonValueKind.Object ? Text(auth, "access_token") : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static CdsJsonResult Invalid(string path, string message) =>
        new(FhirJson.Serialize(FhirOutcomes.Error(IssueType.Invalid, message, path)), StatusCodes.Status400BadRequest);
}
