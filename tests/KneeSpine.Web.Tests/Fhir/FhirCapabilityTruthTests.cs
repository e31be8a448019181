// Firely's POCOs declare every element nullable; tests navigate them freely, and a null there fails the test anyway.
#nullable disable warnings
using System.Net;
using Hl7.Fhir.Model;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.Fhir;

/// <summary>
/// /fhir/metadata is truthful: it claims exactly the interactions and operations the app maps under /fhir (read
/// from the app's own endpoint data, so a new route cannot go unlisted), and every search parameter it lists works.
/// </summary>
public sealed class FhirCapabilityTruthTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task The_CapabilityStatement_claims_exactly_the_mapped_FHIR_routes()
    {
        var capabilities = await MetadataAsync();
        var claimed = capabilities.Rest.Single().Resource
            .SelectMany(r => r.Interaction.Select(i => $"{r.Type} {Hl7.Fhir.Utility.EnumUtility.GetLiteral(i.Code)}")
                .Concat(r.Operation.Select(o => $"{r.Type} ${o.Name}")))
            .Concat(capabilities.Rest.Single().Operation.Select(o => $"system ${o.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var mapped = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/fhir", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => Claim(m, e.RoutePattern)))
            .Where(c => c is not null)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(claimed, mapped);
    }

    [Fact]
    public async Task Every_listed_search_parameter_is_accepted_and_an_unlisted_one_is_refused()
    {
        // An admin, who may search every resource type listed (AuditEvent is for admins only).
        var clinician = await App.ClientAsync(Roles.Admin);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Capability Patient");
        var examples = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["subject"] = $"Patient/{patient}",
            ["patient"] = patient.ToString(),
            ["_sort"] = "-authored",
            ["_count"] = "1",
            ["questionnaire"] = "https://kneespine.org/fhir/Questionnaire/kneespine-assessment",
            ["code"] = "http://snomed.info/sct|609588000",
            ["entity"] = $"Patient/{patient}",
            ["date"] = "ge2026-01-01",
            ["status"] = "requested",
            ["_offset"] = "0",
            ["_snapshot"] = "1000000",
            ["url"] = "https://kneespine.org/fhir/Questionnaire/kneespine-assessment",
            ["version"] = KneeSpine.Fhir.Questionnaires.AssessmentQuestionnaire.Version,
        };
        var capabilities = await MetadataAsync();

        foreach (var resource in capabilities.Rest.Single().Resource.Where(r => r.SearchParam.Count > 0))
        {
            // Every search but the Questionnaire's needs a patient.
            var required = resource.Type == "Questionnaire" ? "_format=json" : $"patient={patient}";
            foreach (var parameter in resource.SearchParam)
            {
                var query = $"{parameter.Name}={Uri.EscapeDataString(examples[parameter.Name])}";
                var url = $"/fhir/{resource.Type}?" + (parameter.Name is "subject" or "patient" or "entity" ? query : required + "&" + query);
                var response = await clinician.SendAsync(FhirHttp.Get(url), Cancel);

                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
                Assert.Equal(Bundle.BundleType.Searchset, (await response.ReadAsync<Bundle>()).Type);
            }

            var unlisted = await clinician.SendAsync(FhirHttp.Get($"/fhir/{resource.Type}?{required}&_elements=id"), Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, unlisted.StatusCode);
            Assert.Equal(["_elements"], (await unlisted.OutcomeAsync()).Issue[0].Expression);
        }
    }

    [Fact]
    public async Task A_response_search_for_another_questionnaire_finds_nothing()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Questionnaire Search Patient");
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsync("/fhir/QuestionnaireResponse",
            FhirHttp.Content(FhirHttp.ExampleResponse("01-mild-pain-after-spinal", $"Patient/{patient}")), Cancel)).StatusCode);

        var ours = await (await clinician.SendAsync(FhirHttp.Get(
            $"/fhir/QuestionnaireResponse?subject=Patient/{patient}&questionnaire=https://kneespine.org/fhir/Questionnaire/kneespine-assessment"), Cancel)).ReadAsync<Bundle>();
        var other = await (await clinician.SendAsync(FhirHttp.Get(
            $"/fhir/QuestionnaireResponse?subject=Patient/{patient}&questionnaire=http://example.org/Questionnaire/phq-9"), Cancel)).ReadAsync<Bundle>();

        Assert.Single(ours.Entry);
        Assert.Empty(other.Entry);
        Assert.Equal(0, other.Total);
    }

    [Theory]
    [InlineData("_type=Observation")]
    [InlineData("start=2026-01-01")]
    [InlineData("_count=1")]
    public async Task Everything_refuses_the_parameters_it_does_not_implement(string query)
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Everything Parameter Patient");

        var response = await clinician.SendAsync(FhirHttp.Get($"/fhir/Patient/{patient}/$everything?{query}"), Cancel);
        var plain = await clinician.SendAsync(FhirHttp.Get($"/fhir/Patient/{patient}/$everything?_format=json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([query.Split('=')[0]], (await response.OutcomeAsync()).Issue[0].Expression);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }

    private async Task<CapabilityStatement> MetadataAsync() =>
        await (await App.Anonymous().SendAsync(FhirHttp.Get("/fhir/metadata"), Cancel)).ReadAsync<CapabilityStatement>();

    /// <summary>What a route claims in CapabilityStatement terms (<c>Patient read</c>, <c>Patient $everything</c>); null for metadata.</summary>
    private static string Claim(string method, RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Skip(1).Select(s => s.Parts.Single()).ToList();
        var type = ((RoutePatternLiteralPart)segments[0]).Content;
        if (type == "metadata")
        {
            return null;
        }

        if (type.StartsWith('$'))
        {
            // The export's status and file URLs are steps of its asynchronous protocol, not operations of their own.
            return type is "$export-status" or "$export-file" ? null : $"system {type}";
        }

        var operation = segments.Count > 1 && segments[^1] is RoutePatternLiteralPart { Content: ['$', ..] } op ? op.Content : null;
        var instance = segments.Count > 1 && segments[1] is RoutePatternParameterPart;
        var history = segments.Count == 4 && segments[2] is RoutePatternLiteralPart { Content: "_history" } && segments[3] is RoutePatternParameterPart;
        return (operation, instance, method) switch
        {
            (null, true, "GET") when history => $"{type} vread",
            ({ } name, _, _) => $"{type} {name}",
            (null, true, "GET") => $"{type} read",
            (null, true, "PUT") => $"{type} update",
            (null, true, "DELETE") => $"{type} delete",
            (null, false, "GET") => $"{type} search-type",
            (null, false, "POST") => $"{type} create",
            _ => $"{type} {method} (unknown)",
        };
    }
}
