using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using KneeSpine.Fhir.Serialization;
using KneeSpine.Web.Tests.Fhir;

namespace KneeSpine.Web.Tests.CdsHooks;

/// <summary>CDS Hooks calls as an EHR makes them: the patient-view request, prefetched search Bundles, the JWT header.</summary>
internal static class CdsCalls
{
    public const string ServicePath = "/cds-services/kneespine-back-pain";

    public const string ServiceUrl = "http://localhost" + ServicePath;

    public static JsonObject Request(string patientId, JsonNode? prefetch, string? fhirServer = null, string? accessToken = null)
    {
        var request = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "Practitioner/1", ["patientId"] = patientId },
            ["prefetch"] = prefetch is null ? null : new JsonObject { ["latestAssessment"] = prefetch },
        };
        if (fhirServer is not null)
        {
            request["fhirServer"] = fhirServer;
        }

        if (accessToken is not null)
        {
            request["fhirAuthorization"] = new JsonObject
            {
                ["access_token"] = accessToken,
                ["token_type"] = "Bearer",
                ["expires_in"] = 300,
                ["scope"] = "patient/QuestionnaireResponse.read",
                ["subject"] = "kneespine",
            };
        }

        return request;
    }

    /// <summary>The EHR's answer to the latest-assessment search: the example's response, about <paramref name="patientId"/>.</summary>
    public static Bundle SearchBundle(string example, string patientId)
    {
        var response = FhirHttp.ExampleResponse(example, "Patient/" + patientId);
        response.Id = "qr-" + example[..2];
        return new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = 1,
            Entry = [new Bundle.EntryComponent { Resource = response, FullUrl = "https://ehr.example.org/fhir/QuestionnaireResponse/" + response.Id }],
        };
    }

    public static JsonNode Prefetched(string example, string patientId) => JsonNode.Parse(FhirJson.Serialize(SearchBundle(example, patientId)))!;

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? token, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
