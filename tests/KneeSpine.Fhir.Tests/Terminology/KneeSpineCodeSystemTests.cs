using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Serialization;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Fhir.Tests.Support;

namespace KneeSpine.Fhir.Tests.Terminology;

public sealed class KneeSpineCodeSystemTests(FhirValidatorFixture validator)
{
    private static readonly IReadOnlyList<CodeSystem> Systems = KneeSpineCodeSystemResources.All(KnowledgeBase.Default);

    [Fact]
    public void Every_code_system_lives_under_the_one_kneespine_base()
    {
        Assert.All(Systems, s => Assert.StartsWith("https://kneespine.org/fhir/CodeSystem/", s.Url, StringComparison.Ordinal));
        Assert.Equal(Systems.Count, Systems.Select(s => s.Url).Distinct().Count());
        Assert.Equal(Systems.Count, Systems.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Every_code_system_is_valid_R4()
    {
        Assert.All(Systems, validator.AssertValid);
    }

    [Fact]
    public void Knowledge_base_code_systems_list_every_alert_factor_and_plan_item_with_its_title()
    {
        Assert.Equal(KnowledgeBase.Default.Alerts.Select(a => (a.Id, a.Title)), Concepts(KneeSpineCodeSystems.Alert));
        Assert.Equal(KnowledgeBase.Default.Factors.Select(f => (f.Id, f.Title)), Concepts(KneeSpineCodeSystems.Factor));
        Assert.Equal(KnowledgeBase.Default.PlanItems.Select(p => (p.Id, p.Title)), Concepts(KneeSpineCodeSystems.PlanItem));
        Assert.Equal(["emergency", "urgent", "soon", "self-care"], Concepts(KneeSpineCodeSystems.TriageLevel).Select(c => c.Code));
        Assert.All(Systems.Where(s => s.Url is KneeSpineCodeSystems.Alert or KneeSpineCodeSystems.TriageLevel), s => Assert.Equal(KnowledgeBase.Default.Version, s.Version));
    }

    [Fact]
    public void Every_choice_field_has_a_code_system_with_exactly_its_codes()
    {
        var choiceFields = InputFields.All.Where(f => f.Kind is FieldKind.Choice or FieldKind.ChoiceList).ToList();

        Assert.Equal(choiceFields.Select(f => f.Path).Order(StringComparer.Ordinal), KneeSpineCodeSystems.InputCodeSets.Keys.Order(StringComparer.Ordinal));
        Assert.All(choiceFields, f => Assert.Equal(f.Codes, Concepts(KneeSpineCodeSystems.ForInputField(f.Path)).Select(c => c.Code)));
    }

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public void Every_kneespine_code_emitted_is_defined_with_the_same_display(string example)
    {
        var input = Examples.Input(example);
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input, "Patient/p1");
        var bundle = FhirAssessmentMapper.Default.ToAssessBundle(response, input, AssessmentEvaluator.Default.Evaluate(input), "Patient/p1");
        var defined = Systems.SelectMany(s => s.Concept.Select(c => (s.Url, c.Code, c.Display))).ToHashSet();

        var emitted = Codings(bundle).Concat(Codings(AssessmentQuestionnaire.Build()))
            .Where(c => c.System.StartsWith(KneeSpineCodeSystems.Base, StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(emitted);
        Assert.All(emitted, c => Assert.Contains((c.System, c.Code, c.Display), defined));
    }

    private static IEnumerable<(string Code, string Display)> Concepts(string url) =>
        Systems.Single(s => s.Url == url).Concept.Select(c => (c.Code, c.Display));

    private static IEnumerable<(string System, string Code, string Display)> Codings(Resource resource) =>
        Objects(JsonNode.Parse(FhirJson.Serialize(resource))!)
            .Where(o => o["system"] is JsonValue && o["code"] is JsonValue)
            .Select(o => (o["system"]!.GetValue<string>(), o["code"]!.GetValue<string>(), o["display"]?.GetValue<string>()));

    private static IEnumerable<JsonObject> Objects(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Objects).Prepend(o),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Objects),
        _ => [],
    };
}
