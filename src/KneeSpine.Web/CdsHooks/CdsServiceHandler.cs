using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using KneeSpine.Engine.Results;
using KneeSpine.Fhir.CdsHooks;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Evaluate;
using KneeSpine.Web.Fhir;
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
    IHttpClientFactory http,
    IOptions<CdsHooksOptions> options,
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

            var link = PatientLink(request, patientId);
            if (root.TryGetProperty("prefetch", out var prefetch) && prefetch.ValueKind == JsonValueKind.Object
                && prefetch.TryGetProperty(CdsServiceDiscovery.LatestAssessmentKey, out var latest) && latest.ValueKind == JsonValueKind.Object)
            {
                return FromResponse(LatestResponse(latest.GetRawText()), link);
            }

            if (Guid.TryParse(patientId, CultureInfo.InvariantCulture, out var localId)
                && await records.FindPatientAsync(localId, cancellationToken).ConfigureAwait(false) is not null)
            {
                // Only here is KneeSpine's own record read; the trail names the patient.
                request.HttpContext.Audit().PatientId = localId;
                var assessments = await records.CurrentAssessmentsAsync(localId, cancellationToken).ConfigureAwait(false);
                var newest = assessments.OrderByDescending(a => a.Input.AssessedOn).ThenByDescending(a => a.Authored).FirstOrDefault();
                return Cards(newest?.Result, link);
            }

            if (Text(root, "fhirServer") is { Length: > 0 } server && Uri.TryCreate(server, UriKind.Absolute, out var fhirServer)
                && await FetchLatestAsync(fhirServer, AccessToken(root), patientId, cancellationToken).ConfigureAwait(false) is { } fetched)
            {
                return FromResponse(fetched.Response, link);
            }

            var outcome = FhirOutcomes.Error(IssueType.Incomplete,
                "No prefetch of the latest assessment, the patient is not a KneeSpine patient, and no FHIR server could be reached: send prefetch.latestAssessment.",
                "prefetch." + CdsServiceDiscovery.LatestAssessmentKey);
            return new CdsJsonResult(FhirJson.Serialize(outcome), StatusCodes.Status412PreconditionFailed);
        }
    }

    private IResult FromResponse(QuestionnaireResponse? response, Uri link)
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

    private static CdsJsonResult Cards(AssessmentResult? result, Uri link)
    {
        var response = result is null ? new Hl7.Fhir.Model.CdsHooks.Response { Cards = [] } : CdsCardBuilder.Default.BuildResponse(result, link);
        foreach (var card in response.Cards ?? [])
        {
            // Feedback names the card by uuid (CDS Hooks 2.0).
            card.Uuid = Guid.NewGuid().ToString();
        }

        return new CdsJsonResult(CdsHooksJson.Serialize(response));
    }

    /// <summary>The newest KneeSpine response in a prefetched search Bundle (or a bare response); null when there is none.</summary>
    private static QuestionnaireResponse? LatestResponse(string json)
    {
        Resource resource;
        try
        {
            resource = FhirJson.Parse<Resource>(json);
        }
        catch (Exception exception) when (exception is DeserializationFailedException or JsonException)
        {
            return null;
        }

        IEnumerable<QuestionnaireResponse> responses = resource switch
        {
            QuestionnaireResponse single => [single],
            Bundle bundle => bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>(),
            _ => [],
        };
        return responses
            .Where(r => r.Questionnaire is null || r.Questionnaire.StartsWith(KneeSpineCodeSystems.QuestionnaireUrl, StringComparison.Ordinal))
            .OrderByDescending(r => r.Authored, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private async Task<FetchedResponse?> FetchLatestAsync(Uri fhirServer, string? accessToken, string patientId, CancellationToken cancellationToken)
    {
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

            using var answer = await http.CreateClient(CdsHooksApi.FhirServerClient).SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccessStatusCode)
            {
                logger.LogWarning("FHIR server {Server} answered {Status} to the latest-assessment search", fhirServer, (int)answer.StatusCode);
                return null;
            }

            return new FetchedResponse(LatestResponse(await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "FHIR server {Server} could not be reached", fhirServer);
            return null;
        }
    }

    private Uri PatientLink(HttpRequest request, string patientId)
    {
        var root = options.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return new Uri(Guid.TryParse(patientId, CultureInfo.InvariantCulture, out var id) ? $"{root}/patients/{id}" : root + "/");
    }

    private static string? AccessToken(JsonElement root) =>
        root.TryGetProperty("fhirAuthorization", out var auth) && auth.ValueKind == JsonValueKind.Object ? Text(auth, "access_token") : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static CdsJsonResult Invalid(string path, string message) =>
        new(FhirJson.Serialize(FhirOutcomes.Error(IssueType.Invalid, message, path)), StatusCodes.Status400BadRequest);

    private sealed record FetchedResponse(QuestionnaireResponse? Response);
}
