using Hl7.Fhir.Model;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Serialization;
using KneeSpine.Fhir.Tests.Support;

namespace KneeSpine.Fhir.Tests.Assessments;

public sealed class AssessBundleTests(FhirValidatorFixture validator)
{
    private const string TriageSystem = "https://kneespine.org/fhir/CodeSystem/triage-level";

    private static (QuestionnaireResponse Response, AssessmentInput Input, Bundle Bundle) Assess(string example, string? patient = "Patient/p1") =>
        Assess(Examples.Input(example), patient);

    private static (QuestionnaireResponse Response, AssessmentInput Input, Bundle Bundle) Assess(AssessmentInput input, string? patient = "Patient/p1")
    {
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input, patient);
        var read = QuestionnaireResponseMapper.ToInput(response);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        var result = AssessmentEvaluator.Default.Evaluate(read.Input!);
        return (response, read.Input!, FhirAssessmentMapper.Default.ToAssessBundle(response, read.Input!, result, patient));
    }

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public void Bundle_through_the_questionnaire_gives_the_evaluators_triage_alerts_and_plan(string example)
    {
        var direct = AssessmentEvaluator.Default.Evaluate(Examples.Input(example));
        var expected = Expected.For(example);

        var bundle = Assess(example).Bundle;

        var triage = Assert.Single(Assert.Single(bundle.One<RiskAssessment>().Prediction).QualitativeRisk.Coding);
        Assert.Equal(TriageSystem, triage.System);
        Assert.Equal(expected.Triage, triage.Code);
        Assert.Equal(Engine.Codes.Code<Engine.Results.TriageLevel>.ToCode(direct.Triage.Level), triage.Code);
        Assert.Equal(expected.Alerts, bundle.All<Flag>().Select(f => f.Code.Coding.Single().Code));
        Assert.Equal(direct.Alerts.Select(a => a.Id), bundle.All<Flag>().Select(f => f.Code.Coding.Single().Code));
        Assert.Equal(expected.Plan, bundle.One<CarePlan>().Activity.Select(a => a.Detail.Code.Coding.Single().Code));
        Assert.Equal(direct.Plan.Select(p => p.Id), bundle.One<CarePlan>().Activity.Select(a => a.Detail.Code.Coding.Single().Code));
    }

    [Fact]
    public void Screening_scores_are_observations_with_their_codes_and_meaning_and_are_valid_R4()
    {
        var (_, input, bundle) = Assess("09-psychological-distress");
        var scores = AssessmentEvaluator.Default.Evaluate(input).Scores!;

        var observations = bundle.All<Observation>().ToList();
        var phq2 = Assert.Single(observations, o => o.Code.Coding.Any(c => c.System == "http://loinc.org" && c.Code == "55758-7"));
        Assert.Equal(scores.Phq2, (int?)((Quantity)phq2.Value).Value);
        Assert.Contains("A positive screen is not a diagnosis", phq2.Note.Single().Text, StringComparison.Ordinal);
        var gad2 = Assert.Single(observations, o => o.Code.Coding.Any(c => c.Code == "gad2-total"));
        Assert.Equal("https://kneespine.org/fhir/CodeSystem/observation", gad2.Code.Coding.Single().System);
        Assert.Equal(scores.Gad2, (int?)((Quantity)gad2.Value).Value);
        Assert.DoesNotContain(observations, o => o.Code.Coding.Any(c => c.Code == "70272-0"));
        Assert.Contains(bundle.One<RiskAssessment>().Basis, b => b.Reference == bundle.FullUrlOf(phq2));
        validator.AssertValid(bundle);
    }

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public void Every_cited_source_is_a_readable_citation_artifact_on_the_finding_that_cites_it(string example)
    {
        var (_, input, bundle) = Assess(example);
        var result = AssessmentEvaluator.Default.Evaluate(input);
        var citations = ResultCitations.For(KnowledgeBase.Default, result);

        var alertArtifacts = bundle.All<Flag>().Select(f => (f.Code.Coding.Single().Code, Citations(f.Extension)));
        Assert.Equal(result.Alerts.Select(a => (a.Id, CitationTexts(citations.Of(a.Sources)))), alertArtifacts.Select(p => (p.Code, ArtifactTexts(p.Item2))));
        var factorArtifacts = bundle.All<Observation>().Where(o => o.Value is CodeableConcept).Select(o => Citations(o.Extension));
        Assert.Equal(result.Factors.Select(f => CitationTexts(citations.Of(f.Sources))), factorArtifacts.Select(ArtifactTexts));
        var planArtifacts = bundle.One<CarePlan>().Activity.Select(a => Citations(a.Extension));
        Assert.Equal(result.Plan.Select(p => CitationTexts(citations.Of(p.Sources))), planArtifacts.Select(ArtifactTexts));

        var all = alertArtifacts.SelectMany(p => p.Item2).Concat(factorArtifacts.SelectMany(a => a)).Concat(planArtifacts.SelectMany(a => a)).ToList();
        Assert.All(all, artifact => Assert.Equal(RelatedArtifact.RelatedArtifactType.Citation, artifact.Type));
        Assert.Equal(citations.All.Select(c => c.Text).Order(StringComparer.Ordinal), all.Select(a => a.Citation).Distinct().Order(StringComparer.Ordinal));
        foreach (var citation in citations.All)
        {
            Assert.All(all.Where(a => a.Citation == citation.Text), a => Assert.Equal(citation.Link?.AbsoluteUri, a.Url));
        }

        // Source ids are internal: none appears anywhere in the output.
        var json = FhirJson.Serialize(bundle);
        Assert.All(KnowledgeBase.Default.Sources, source => Assert.DoesNotContain('"' + source.Id + '"', json, StringComparison.Ordinal));
        validator.AssertValid(bundle);
    }

    [Fact]
    public void A_citation_with_a_link_carries_it_as_the_artifacts_url()
    {
        // A new swollen calf raises A8, which cites a registry study with a DOI or PubMed link.
        var example = Examples.Input("01-mild-pain-after-spinal");
        var bundle = Assess(example with { RedFlags = example.RedFlags with { CalfSwellingOrPain = true } }).Bundle;

        var artifacts = bundle.All<DomainResource>().SelectMany(r => Citations(r.Extension))
            .Concat(bundle.One<CarePlan>().Activity.SelectMany(a => Citations(a.Extension)));
        var linked = artifacts.Where(a => a.Url is not null).ToList();
        Assert.NotEmpty(linked);
        Assert.All(linked, a => Assert.Matches("^https://(doi\\.org|pubmed\\.ncbi\\.nlm\\.nih\\.gov)/", a.Url));
    }

    private static List<RelatedArtifact> Citations(IEnumerable<Extension> extensions) =>
        [.. extensions.Where(e => e.Url is CitationArtifacts.ObservationExtension or CitationArtifacts.FindingExtension).Select(e => Assert.IsType<RelatedArtifact>(e.Value))];

    private static string ArtifactTexts(IEnumerable<RelatedArtifact> artifacts) => string.Join(" | ", artifacts.Select(a => a.Citation));

    private static string CitationTexts(IEnumerable<Citation> citations) => string.Join(" | ", citations.Select(c => c.Text));

    [Fact]
    public void An_assessment_without_the_optional_sections_has_no_score_observations()
    {
        var bundle = Assess("01-mild-pain-after-spinal").Bundle;

        Assert.DoesNotContain(bundle.All<Observation>(), o => o.Code.Coding.Any(c => c.Code is "55758-7" or "gad2-total" or "back-function-score"));
    }

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public void Every_resource_of_every_example_bundle_is_valid_R4(string example)
    {
        // Validating the bundle validates each entry's resource against its own StructureDefinition too.
        validator.AssertValid(Assess(example).Bundle);
    }

    [Theory]
    [MemberData(nameof(Examples.Names), MemberType = typeof(Examples))]
    public void Every_reference_inside_the_bundle_resolves_to_an_entry(string example)
    {
        var bundle = Assess(example).Bundle;
        var fullUrls = bundle.Entry.Select(e => e.FullUrl).ToHashSet(StringComparer.Ordinal);

        Assert.All(bundle.References().Where(r => r != "Patient/p1"), reference => Assert.Contains(reference, fullUrls));
    }

    [Fact]
    public void Bundle_is_a_collection_that_leads_with_the_triage_and_the_alerts()
    {
        var bundle = Assess("02-cauda-equina-on-anticoagulant").Bundle;

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.IsType<RiskAssessment>(bundle.Entry[0].Resource);
        Assert.All(bundle.Entry.Skip(1).Take(3), e => Assert.IsType<Flag>(e.Resource));
    }

    [Fact]
    public void RiskAssessment_is_based_on_the_response_and_names_the_knowledge_base()
    {
        var (_, input, bundle) = Assess("04-fever-after-surgery");
        var risk = bundle.One<RiskAssessment>();

        Assert.Equal(bundle.FullUrlOf(bundle.One<QuestionnaireResponse>()), risk.Basis[0].Reference);
        Assert.Equal("Patient/p1", risk.Subject.Reference);
        Assert.Equal(ObservationStatus.Final, risk.Status);
        Assert.Equal(input.AssessedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ((FhirDateTime)risk.Occurrence).Value);
        Assert.Contains(KnowledgeBase.Default.Version, risk.Method.Text, StringComparison.Ordinal);
        Assert.Equal(KnowledgeBase.Default.Headline(Engine.Results.TriageLevel.Urgent), risk.Prediction[0].Rationale);
        Assert.Null(risk.Prediction[0].Probability);
    }

    [Fact]
    public void Each_alert_is_an_active_clinical_Flag_titled_from_the_knowledge_base()
    {
        var flags = Assess("02-cauda-equina-on-anticoagulant").Bundle.All<Flag>().ToList();

        Assert.Equal(3, flags.Count);
        Assert.All(flags, flag =>
        {
            var coding = flag.Code.Coding.Single();
            Assert.Equal("https://kneespine.org/fhir/CodeSystem/alert", coding.System);
            Assert.Equal(KnowledgeBase.Default.Alerts[coding.Code].Title, coding.Display);
            Assert.Equal(Flag.FlagStatus.Active, flag.Status);
            Assert.Equal("clinical", flag.Category.Single().Coding.Single().Code);
            Assert.Equal("Patient/p1", flag.Subject.Reference);
        });
        Assert.All(flags, flag => Assert.Equal("PH", ((CodeableConcept)flag.GetExtension("http://hl7.org/fhir/StructureDefinition/flag-priority").Value).Coding[0].Code));
    }

    [Fact]
    public void CarePlan_activities_carry_the_plan_ids_patient_text_and_reasons()
    {
        var input = Examples.Input("03-unmasked-chronic-back-pain");
        var result = AssessmentEvaluator.Default.Evaluate(input);
        var bundle = Assess("03-unmasked-chronic-back-pain").Bundle;
        var activities = bundle.One<CarePlan>().Activity;

        Assert.Equal(result.Plan.Count, activities.Count);
        foreach (var (item, activity) in result.Plan.Zip(activities))
        {
            Assert.Equal(item.Id, activity.Detail.Code.Coding.Single().Code);
            Assert.Equal(KnowledgeBase.Default.PlanItems[item.Id].Title, activity.Detail.Code.Coding.Single().Display);
            Assert.Equal(item.PatientText, activity.Detail.Description);
            Assert.Equal(item.Because, activity.Detail.ReasonCode.Select(r => r.Coding.Single().Code));
        }

        var care = activities.Single(a => a.Detail.Code.Coding[0].Code == "pre-existing-back-pain-care");
        Assert.All(care.Detail.ReasonCode, r => Assert.Equal("https://kneespine.org/fhir/CodeSystem/factor", r.Coding[0].System));
        Assert.Equal(care.Detail.ReasonCode.Count, care.Detail.ReasonReference.Count);
        var review = activities.Single(a => a.Detail.Code.Coding[0].Code == "book-clinician-review");
        Assert.Equal("https://kneespine.org/fhir/CodeSystem/alert", review.Detail.ReasonCode.Single().Coding[0].System);
        var baseline = activities.Single(a => a.Detail.Code.Coding[0].Code == "allow-time-to-heal");
        Assert.Equal("https://kneespine.org/fhir/CodeSystem/plan-basis", baseline.Detail.ReasonCode.Single().Coding[0].System);
    }

    [Fact]
    public void Back_pain_is_a_LOINC_72514_3_score_on_the_lower_back()
    {
        var (_, input, bundle) = Assess("03-unmasked-chronic-back-pain");
        var back = bundle.All<Observation>().Single(o => o.Code.Coding.Any(c => c.Code == "back-pain-now"));

        Assert.Contains(back.Code.Coding, c => c is { System: "http://loinc.org", Code: "72514-3" });
        var value = Assert.IsType<Quantity>(back.Value);
        Assert.Equal(input.BackPain.IntensityNow.Value, value.Value);
        Assert.Equal(("http://unitsofmeasure.org", "{score}"), (value.System, value.Code));
        Assert.Equal("37822005", back.BodySite.Coding.Single().Code);
        Assert.Equal(bundle.FullUrlOf(bundle.One<QuestionnaireResponse>()), back.DerivedFrom.Single().Reference);
    }

    [Theory]
    [InlineData(SurgerySide.Left, "82169009")]
    [InlineData(SurgerySide.Right, "6757004")]
    [InlineData(SurgerySide.Both, "36701003")]
    [InlineData(null, "72696002")]
    public void Knee_pain_is_a_LOINC_72514_3_score_on_the_operated_knee(SurgerySide? side, string snomed)
    {
        var input = Examples.Input("03-unmasked-chronic-back-pain");
        input = input with { Surgery = input.Surgery with { Side = side } };
        var result = AssessmentEvaluator.Default.Evaluate(input);
        var bundle = FhirAssessmentMapper.Default.ToAssessBundle(QuestionnaireResponseMapper.ToQuestionnaireResponse(input), input, result, "Patient/p1");

        var knee = bundle.All<Observation>().Single(o => o.Code.Coding.Any(c => c.Code == "knee-pain-now"));

        Assert.Contains(knee.Code.Coding, c => c is { System: "http://loinc.org", Code: "72514-3" });
        Assert.Equal(input.Knee!.PainNow!.Value.Value, ((Quantity)knee.Value).Value);
        Assert.Equal(("http://snomed.info/sct", snomed), (knee.BodySite.Coding.Single().System, knee.BodySite.Coding.Single().Code));
    }

    [Fact]
    public void No_knee_pain_observation_when_knee_pain_was_not_given()
    {
        var bundle = Assess("02-cauda-equina-on-anticoagulant").Bundle;

        Assert.DoesNotContain(bundle.All<Observation>(), o => o.Code.Coding.Any(c => c.Code == "knee-pain-now"));
    }

    [Fact]
    public void Each_factor_is_an_observation_with_its_certainty()
    {
        var result = AssessmentEvaluator.Default.Evaluate(Examples.Input("02-cauda-equina-on-anticoagulant"));
        var factors = Assess("02-cauda-equina-on-anticoagulant").Bundle.All<Observation>()
            .Where(o => o.Code.Coding[0].Code == "contributing-factor").ToList();

        Assert.Equal(result.Factors.Select(f => f.Id), factors.Select(o => ((CodeableConcept)o.Value).Coding[0].Code));
        Assert.Equal(
            result.Factors.Select(f => Engine.Codes.Code<Engine.Results.Certainty>.ToCode(f.Certainty)),
            factors.Select(o => ((CodeableConcept)o.Component[0].Value).Coding[0].Code));
    }

    [Fact]
    public void Same_assessment_gives_the_same_bundle()
    {
        Assert.Equal(FhirJson.Serialize(Assess("06-sciatica-pattern-late").Bundle), FhirJson.Serialize(Assess("06-sciatica-pattern-late").Bundle));
    }

    [Fact]
    public void Different_responses_give_different_resource_ids()
    {
        var first = Assess("06-sciatica-pattern-late").Bundle.One<RiskAssessment>().Id;
        var second = Assess("05-poor-sleep-inactive-bow-legs").Bundle.One<RiskAssessment>().Id;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Response_given_by_the_caller_is_not_changed()
    {
        var input = Examples.Input("01-mild-pain-after-spinal");
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input);
        var before = FhirJson.Serialize(response);

        var bundle = FhirAssessmentMapper.Default.ToAssessBundle(response, input, AssessmentEvaluator.Default.Evaluate(input), "Patient/p9");

        Assert.Equal(before, FhirJson.Serialize(response));
        Assert.Equal("Patient/p9", bundle.One<QuestionnaireResponse>().Subject.Reference);
    }

    [Fact]
    public void Response_with_a_server_id_keeps_it_and_is_still_referenced_within_the_bundle()
    {
        var input = Examples.Input("01-mild-pain-after-spinal");
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input, "Patient/p1");
        response.Id = "42";

        var bundle = FhirAssessmentMapper.Default.ToAssessBundle(response, input, AssessmentEvaluator.Default.Evaluate(input), null);

        var copy = bundle.One<QuestionnaireResponse>();
        Assert.Equal("42", copy.Id);
        Assert.StartsWith("urn:uuid:", bundle.FullUrlOf(copy), StringComparison.Ordinal);
        Assert.Equal(bundle.FullUrlOf(copy), bundle.One<RiskAssessment>().Basis[0].Reference);
        Assert.Equal("Patient/p1", bundle.One<RiskAssessment>().Subject.Reference);
        validator.AssertValid(bundle);
    }

    [Fact]
    public void Response_about_another_patient_is_refused()
    {
        var input = Examples.Input("01-mild-pain-after-spinal");
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input, "Patient/p1");

        var error = Assert.Throws<ArgumentException>(
            () => FhirAssessmentMapper.Default.ToAssessBundle(response, input, AssessmentEvaluator.Default.Evaluate(input), "Patient/p2"));

        Assert.Contains("Patient/p1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_patient_the_subject_says_so_and_stays_valid()
    {
        var bundle = Assess("01-mild-pain-after-spinal", patient: null).Bundle;
        var risk = bundle.One<RiskAssessment>();

        Assert.Null(risk.Subject.Reference);
        Assert.False(string.IsNullOrEmpty(risk.Subject.Display));
        validator.AssertValid(bundle);
    }

    [Fact]
    public void Assess_bundle_matches_its_golden_file()
    {
        GoldenFile.AssertJsonEqual("assess-bundle-03.json", FhirJson.Serialize(Assess("03-unmasked-chronic-back-pain").Bundle));
    }
}
