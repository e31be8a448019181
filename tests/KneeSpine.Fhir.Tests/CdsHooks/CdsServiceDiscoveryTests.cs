using System.Text.Json.Nodes;
using KneeSpine.Fhir.CdsHooks;

namespace KneeSpine.Fhir.Tests.CdsHooks;

public sealed class CdsServiceDiscoveryTests
{
    [Fact]
    public void Discovery_offers_the_back_pain_service_on_patient_view()
    {
        var service = Assert.Single(CdsServiceDiscovery.Build().Services);

        Assert.Equal("kneespine-back-pain", service.Id);
        Assert.Equal("patient-view", service.Hook);
        Assert.False(string.IsNullOrWhiteSpace(service.Description));
    }

    [Fact]
    public void Prefetch_asks_for_the_patient_the_knee_replacement_and_the_latest_kneespine_response()
    {
        var prefetch = Assert.Single(CdsServiceDiscovery.Build().Services).Prefetch;

        Assert.Equal("Patient/{{context.patientId}}", prefetch["patient"]);
        Assert.Equal("Procedure?patient={{context.patientId}}&code=http://snomed.info/sct|609588000", prefetch["kneeReplacement"]);
        Assert.Equal(
            "QuestionnaireResponse?subject=Patient/{{context.patientId}}&questionnaire=https://kneespine.org/fhir/Questionnaire/kneespine-assessment&_sort=-authored&_count=1",
            prefetch["latestAssessment"]);
    }

    [Fact]
    public void Discovery_json_has_the_cds_hooks_shape()
    {
        var json = JsonNode.Parse(CdsHooksJson.Serialize(CdsServiceDiscovery.Build()))!;

        var service = json["services"]![0]!;
        Assert.Equal("kneespine-back-pain", service["id"]!.GetValue<string>());
        Assert.Equal("patient-view", service["hook"]!.GetValue<string>());
        Assert.Equal(3, service["prefetch"]!.AsObject().Count);
        Assert.Null(service["usageRequirements"]);
    }
}
