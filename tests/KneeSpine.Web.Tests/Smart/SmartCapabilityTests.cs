// Firely's POCOs declare every element nullable; tests navigate them freely, and a null there fails the test anyway.
#nullable disable warnings
using Hl7.Fhir.Model;
using KneeSpine.Fhir.Tests.Support;
using KneeSpine.Web.Smart;
using KneeSpine.Web.Tests.Fhir;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.Smart;

/// <summary>
/// With EHRs configured, /fhir/metadata states KneeSpine's SMART App Launch as what it is: a client-mode rest entry (a
/// SMART app) with the capabilities the configuration really uses, valid R4 by Firely's validator; the server entry
/// claims no SMART security, because the endpoint takes no EHR-issued tokens. (Without EHRs there is no client entry:
/// <see cref="FhirCapabilityTruthTests"/> reads a single rest entry.)
/// </summary>
public sealed class SmartCapabilityTests(SqliteSmartApp fixture, FhirValidatorFixture validator) : IClassFixture<SqliteSmartApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metadata_states_the_ehr_launch_as_a_smart_client_with_both_client_authentications_configured_and_is_valid_r4()
    {
        var response = await fixture.App.Anonymous().SendAsync(FhirHttp.Get("/fhir/metadata"), Cancel);
        var capabilities = await response.ReadAsync<CapabilityStatement>();

        validator.AssertValid(capabilities);
        var server = Assert.Single(capabilities.Rest, r => r.Mode == CapabilityStatement.RestfulCapabilityMode.Server);
        Assert.Empty(server.Security.Service);
        var client = Assert.Single(capabilities.Rest, r => r.Mode == CapabilityStatement.RestfulCapabilityMode.Client);
        var service = Assert.Single(Assert.Single(client.Security.Service).Coding);
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR"), (service.System, service.Code));
        var codes = client.Security.Extension.Where(e => e.Url == SmartAppCapability.CapabilitiesExtension).Select(e => ((Code)e.Value).Value).ToList();
        // R4's value set for the extension predates SMART 2.0; its newer codes are in the description (the validator
        // above refuses them in the extension).
        Assert.Equal(["launch-ehr", "client-confidential-symmetric", "sso-openid-connect", "context-ehr-patient", "permission-patient"], codes);
        Assert.Contains("client-confidential-asymmetric", client.Security.Description, StringComparison.Ordinal);
        Assert.Contains("permission-v2", client.Security.Description, StringComparison.Ordinal);
        Assert.Contains("http://localhost/smart/launch", client.Security.Description, StringComparison.Ordinal);
        Assert.Contains("http://localhost/smart/callback", client.Security.Description, StringComparison.Ordinal);
        Assert.Contains(".well-known/smart-configuration", client.Security.Description, StringComparison.Ordinal);
        Assert.Equal("Patient", Assert.Single(client.Resource).Type);
    }

    [Fact]
    public void Only_the_client_authentication_an_ehr_is_configured_with_is_claimed()
    {
        var secretOnly = new SmartOptions();
        secretOnly.Ehrs.Add(new SmartEhrOptions { ClientSecret = "secret" });
        var keyOnly = new SmartOptions();
        keyOnly.Ehrs.Add(new SmartEhrOptions { PrivateKeyPath = "/keys/kneespine.pem" });

        Assert.Contains("client-confidential-symmetric", SmartAppCapability.Capabilities(secretOnly));
        Assert.DoesNotContain("client-confidential-asymmetric", SmartAppCapability.Capabilities(secretOnly));
        Assert.Contains("client-confidential-asymmetric", SmartAppCapability.Capabilities(keyOnly));
        Assert.DoesNotContain("client-confidential-symmetric", SmartAppCapability.Capabilities(keyOnly));
        Assert.Null(SmartAppCapability.Describe(new SmartOptions(), "https://kneespine.example"));
    }
}
