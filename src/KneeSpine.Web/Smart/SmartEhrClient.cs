using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Hl7.Fhir.Serialization;
using Microsoft.IdentityModel.Tokens;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace KneeSpine.Web.Smart;

/// <summary>
/// Every call KneeSpine makes to an EHR during a launch: discovery, the token exchange (Duende.IdentityModel), its
/// keys and the launch patient. A network failure, a timeout or a 5xx answer is <see cref="SmartEhrUnavailableException"/>
/// (the page answers 503); an answer that makes no sense is <see cref="SmartLaunchRefusedException"/>.
/// </summary>
public sealed class SmartEhrClient(IHttpClientFactory http, TimeProvider time)
{
    public const string HttpClientName = "smart-ehr";

    // Patients from EHRs carry local extensions and elements KneeSpine does not know; reading on is safe, only identifiers and demographics are used.
    private static readonly JsonSerializerOptions PatientJson = new JsonSerializerOptions().ForFhir().UsingMode(DeserializationMode.Ostrich);

    public async Task<SmartConfiguration> DiscoverAsync(Uri issuer, CancellationToken cancellationToken)
    {
        using var smart = await GetJsonAsync(Under(issuer, ".well-known/smart-configuration"), "SMART configuration", cancellationToken).ConfigureAwait(false);
        var root = smart.RootElement;
        var authorize = Url(root, "authorization_endpoint");
        var token = Url(root, "token_endpoint");
        if (authorize is null || token is null)
        {
            throw Refused("The EHR's SMART configuration names no authorization or token endpoint.", "smart-configuration without endpoints");
        }

        if (root.TryGetProperty("code_challenge_methods_supported", out var methods) && methods.ValueKind == JsonValueKind.Array
            && !methods.EnumerateArray().Any(m => m.ValueKind == JsonValueKind.String && m.GetString() == "S256"))
        {
            throw Refused("The EHR does not support PKCE with S256, which KneeSpine requires.", "EHR without PKCE S256");
        }

        var openIdIssuer = Text(root, "issuer");
        var jwks = Url(root, "jwks_uri");
        if (openIdIssuer is null || jwks is null)
        {
            // SMART 2.0 puts both in smart-configuration for sso-openid-connect; older EHRs only in the OpenID configuration.
            using var openId = await GetJsonAsync(Under(issuer, ".well-known/openid-configuration"), "OpenID configuration", cancellationToken).ConfigureAwait(false);
            openIdIssuer ??= Text(openId.RootElement, "issuer");
            jwks ??= Url(openId.RootElement, "jwks_uri");
        }

        return openIdIssuer is null || jwks is null
            ? throw Refused("The EHR publishes no id_token issuer or signing keys, so the clinician cannot be identified.", "EHR without issuer or jwks_uri")
            : new SmartConfiguration(authorize, token, openIdIssuer, jwks);
    }

    /// <summary>Exchanges the code; the EHR refusing it (expired, used, wrong verifier) is a refusal naming its error.</summary>
    public async Task<TokenResponse> ExchangeCodeAsync(SmartEhrOptions ehr, PendingLaunch launch, string code, CancellationToken cancellationToken)
    {
        var request = new AuthorizationCodeTokenRequest
        {
            Address = launch.TokenEndpoint.AbsoluteUri,
            ClientId = ehr.ClientId,
            Code = code,
            RedirectUri = launch.RedirectUri.AbsoluteUri,
            CodeVerifier = launch.CodeVerifier,
            ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader,
        };
        if (ehr.ClientSecret is { Length: > 0 } secret)
        {
            request.ClientSecret = secret;
        }
        else
        {
            request.ClientCredentialStyle = ClientCredentialStyle.PostBody;
            request.ClientAssertion = new Duende.IdentityModel.Client.ClientAssertion
            {
                Type = ClientAssertion.Type,
                Value = ClientAssertion.Create(ehr, launch.TokenEndpoint, time.GetUtcNow()),
            };
        }

        var response = await Client().RequestAuthorizationCodeTokenAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsError)
        {
            return response;
        }

        if (response.ErrorType == ResponseErrorType.Exception || (int)response.HttpStatusCode >= 500)
        {
            throw new SmartEhrUnavailableException($"The EHR's token endpoint did not answer: {response.Error}", response.Exception!);
        }

        throw Refused(
            "The EHR did not accept KneeSpine's sign-in code. It may have expired or been used already. Open KneeSpine from the EHR again.",
            $"token endpoint refused the code: {response.Error} {response.ErrorDescription}".TrimEnd());
    }

    public async Task<JsonWebKeySet> KeysAsync(Uri jwksUri, CancellationToken cancellationToken)
    {
        var json = await GetStringAsync(jwksUri, "application/json", "keys", cancellationToken).ConfigureAwait(false);
        try
        {
            return new JsonWebKeySet(json);
        }
        catch (ArgumentException exception)
        {
            throw new SmartLaunchRefusedException("The EHR's signing keys could not be read.", exception);
        }
    }

    /// <summary>The launch patient, read with the launch's access token.</summary>
    public async Task<FhirPatient> ReadPatientAsync(Uri issuer, string patientId, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Under(issuer, "Patient/" + Uri.EscapeDataString(patientId)));
        request.Headers.Accept.ParseAdd("application/fhir+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var json = await SendAsync(request, "Patient", cancellationToken).ConfigureAwait(false);
        try
        {
            return KneeSpine.Fhir.Serialization.FhirJson.Deserialize(json, PatientJson) as FhirPatient
                ?? throw Refused("The EHR did not answer with the patient's record.", "EHR Patient read returned another resource");
        }
        catch (Exception exception) when (exception is JsonException or DeserializationFailedException or FormatException)
        {
            throw new SmartLaunchRefusedException("The EHR's answer for the patient's record could not be read.", exception);
        }
    }

    private HttpClient Client() => http.CreateClient(HttpClientName);

    private async Task<JsonDocument> GetJsonAsync(Uri url, string what, CancellationToken cancellationToken)
    {
        var json = await GetStringAsync(url, "application/json", what, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new SmartLaunchRefusedException($"The EHR's {what} is not JSON.", exception);
        }
    }

    private async Task<string> GetStringAsync(Uri url, string accept, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(request, what, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await Client().SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new SmartEhrUnavailableException($"The EHR could not be reached for its {what}.", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmartEhrUnavailableException($"The EHR did not answer in time for its {what}.", exception);
        }

        using (response)
        {
            if ((int)response.StatusCode >= 500)
            {
                throw new SmartEhrUnavailableException($"The EHR answered {(int)response.StatusCode} for its {what}.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Refused(
                    $"The EHR refused KneeSpine's request for its {what} ({(int)response.StatusCode}). Open KneeSpine from the EHR again.",
                    $"EHR answered {(int)response.StatusCode} for its {what}",
                    response.StatusCode == HttpStatusCode.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
            }

            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Uri Under(Uri issuer, string relative) => new(issuer.AbsoluteUri.TrimEnd('/') + "/" + relative);

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static Uri? Url(JsonElement root, string name) =>
        Text(root, name) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null;

    private static SmartLaunchRefusedException Refused(string message, string reason, int status = StatusCodes.Status400BadRequest) => new(message, reason, status);
}
