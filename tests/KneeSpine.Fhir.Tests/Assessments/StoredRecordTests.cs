using Hl7.Fhir.Model;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Tests.Support;

namespace KneeSpine.Fhir.Tests.Assessments;

public sealed class StoredRecordTests(FhirValidatorFixture validator)
{
    private static readonly Uri ServerBase = new("https://kneespine.example.org/fhir/");

    // Assessed 2025-11-15 and 2026-02-09 respectively.
    private const string Earlier = "06-sciatica-pattern-late";
    private const string Later = "04-fever-after-surgery";

    private static readonly PatientDetails Ada = new("p1", "Lovelace", ["Ada", "Augusta"], new DateOnly(1954, 12, 10), Sex.Female);

    [Fact]
    public void Patient_carries_name_birth_date_and_gender()
    {
        var patient = FhirAssessmentMapper.ToPatient(Ada);

        Assert.Equal("p1", patient.Id);
        Assert.Equal("Lovelace", patient.Name.Single().Family);
        Assert.Equal(["Ada", "Augusta"], patient.Name.Single().Given);
        Assert.Equal("1954-12-10", patient.BirthDate);
        Assert.Equal(AdministrativeGender.Female, patient.Gender);
        validator.AssertValid(patient);
    }

    [Theory]
    [InlineData(Sex.Male, AdministrativeGender.Male)]
    [InlineData(Sex.Other, AdministrativeGender.Other)]
    [InlineData(Sex.Unknown, AdministrativeGender.Unknown)]
    [InlineData(null, null)]
    public void Sex_maps_to_administrative_gender(Sex? sex, AdministrativeGender? gender)
    {
        Assert.Equal(gender, FhirAssessmentMapper.ToPatient(Ada with { Sex = sex }).Gender);
    }

    [Fact]
    public void Patient_without_recorded_name_has_no_name()
    {
        var patient = FhirAssessmentMapper.ToPatient(new PatientDetails("p2", null, [], null, null));

        Assert.Empty(patient.Name);
        validator.AssertValid(patient);
    }

    [Theory]
    [InlineData(SurgerySide.Left, "82169009")]
    [InlineData(SurgerySide.Right, "6757004")]
    [InlineData(SurgerySide.Both, "36701003")]
    [InlineData(null, "72696002")]
    public void Knee_replacement_is_a_SNOMED_total_knee_replacement_on_the_operated_side(SurgerySide? side, string bodySite)
    {
        var surgery = new SurgeryInfo(new DateOnly(2026, 1, 5), Anesthesia.Spinal) { Side = side, Procedure = SurgeryProcedure.Total };

        var procedure = FhirAssessmentMapper.ToProcedure("s1", "Patient/p1", surgery);

        Assert.Contains(procedure.Code.Coding, c => c is { System: "http://snomed.info/sct", Code: "609588000", Display: "Total knee replacement" });
        Assert.Equal("2026-01-05", ((FhirDateTime)procedure.Performed).Value);
        Assert.Equal(bodySite, procedure.BodySite.Single().Coding.Single().Code);
        Assert.Equal(EventStatus.Completed, procedure.Status);
        Assert.Equal("Patient/p1", procedure.Subject.Reference);
        validator.AssertValid(procedure);
    }

    [Theory]
    [InlineData(SurgeryProcedure.Partial)]
    [InlineData(SurgeryProcedure.Revision)]
    public void Partial_or_revision_surgery_is_not_coded_as_a_total_knee_replacement(SurgeryProcedure kind)
    {
        var surgery = new SurgeryInfo(new DateOnly(2026, 1, 5), Anesthesia.General) { Procedure = kind };

        var procedure = FhirAssessmentMapper.ToProcedure("s1", "Patient/p1", surgery);

        Assert.DoesNotContain(procedure.Code.Coding, c => c.Code == "609588000");
        Assert.Equal(Engine.Codes.Code<SurgeryProcedure>.ToCode(kind), procedure.Code.Coding.Single().Code);
        validator.AssertValid(procedure);
    }

    [Fact]
    public void Procedure_with_unrecorded_kind_is_taken_as_a_total_knee_replacement()
    {
        var procedure = FhirAssessmentMapper.ToProcedure("s1", "Patient/p1", new SurgeryInfo(new DateOnly(2026, 1, 5), Anesthesia.General));

        Assert.Equal("609588000", procedure.Code.Coding.Single().Code);
    }

    [Fact]
    public void Everything_holds_the_patient_the_procedure_and_every_assessments_resources()
    {
        var bundle = Everything();

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(bundle.Entry.Count, bundle.Total);
        Assert.Equal("p1", bundle.One<Patient>().Id);
        Assert.Equal("s1", bundle.One<Procedure>().Id);
        Assert.Equal(["a1", "a2"], bundle.All<QuestionnaireResponse>().Select(r => r.Id));
        Assert.Equal(2, bundle.All<RiskAssessment>().Count());
        Assert.Equal(2, bundle.All<CarePlan>().Count());
        Assert.Equal(3, bundle.All<Flag>().Count());
        Assert.Contains(bundle.All<Observation>(), o => o.Code.Coding.Any(c => c.Code == "72514-3"));
    }

    [Fact]
    public void Everything_uses_server_urls_and_relative_references_that_resolve_within_it()
    {
        var bundle = Everything();
        var ids = bundle.Entry.Select(e => $"{e.Resource.TypeName}/{e.Resource.Id}").ToHashSet(StringComparer.Ordinal);

        Assert.All(bundle.Entry, e => Assert.Equal($"https://kneespine.example.org/fhir/{e.Resource.TypeName}/{e.Resource.Id}", e.FullUrl));
        Assert.All(bundle.References(), r => Assert.Contains(r, ids));
        Assert.All(bundle.All<QuestionnaireResponse>(), r => Assert.Equal("Patient/p1", r.Subject.Reference));
    }

    [Fact]
    public void Only_the_latest_assessments_alerts_stay_active_and_its_plan_replaces_the_earlier_one()
    {
        var bundle = Everything();
        var plans = bundle.All<CarePlan>().ToList();
        var laterDate = Examples.Input(Later).AssessedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var flags = bundle.All<Flag>().ToList();
        var current = flags.Where(f => f.Code.Coding[0].Code == "possible-spinal-infection").ToList();
        var superseded = flags.Except(current).ToList();

        Assert.Equal(["radicular-pain", "persistent-pain"], superseded.Select(f => f.Code.Coding[0].Code));
        Assert.All(superseded, f => Assert.Equal((Flag.FlagStatus.Inactive, laterDate), (f.Status!.Value, f.Period.End)));
        Assert.Equal(Flag.FlagStatus.Active, Assert.Single(current).Status);
        Assert.Equal(RequestStatus.Revoked, plans[0].Status);
        Assert.Equal(RequestStatus.Active, plans[1].Status);
        Assert.Equal("CarePlan/" + plans[0].Id, plans[1].Replaces.Single().Reference);
    }

    [Fact]
    public void Everything_orders_assessments_by_date_whatever_order_they_come_in()
    {
        var earlier = Examples.Input(Earlier);
        var later = Examples.Input(Later);

        var bundle = FhirAssessmentMapper.Default.Everything(ServerBase, Ada, [],
        [
            new StoredAssessment("a2", RecordedInput.FromInput(later), AssessmentEvaluator.Default.Evaluate(later)),
            new StoredAssessment("a1", RecordedInput.FromInput(earlier), AssessmentEvaluator.Default.Evaluate(earlier)),
        ]);

        Assert.Equal(["a1", "a2"], bundle.All<QuestionnaireResponse>().Select(r => r.Id));
        Assert.Equal(Flag.FlagStatus.Active, bundle.All<Flag>().Single(f => f.Code.Coding[0].Code == "possible-spinal-infection").Status);
    }

    [Fact]
    public void Everything_is_valid_R4()
    {
        validator.AssertValid(Everything());
    }

    [Fact]
    public void Exported_ids_are_stable_across_exports()
    {
        Assert.Equal(
            Everything().Entry.Select(e => e.FullUrl),
            Everything().Entry.Select(e => e.FullUrl));
    }

    [Fact]
    public void Exported_response_reads_back_to_the_stored_input()
    {
        var input = Examples.Input("03-unmasked-chronic-back-pain");
        var stored = new StoredAssessment("a9", RecordedInput.FromInput(input), AssessmentEvaluator.Default.Evaluate(input), new DateTimeOffset(2026, 1, 20, 9, 30, 0, TimeSpan.Zero));

        var response = FhirAssessmentMapper.Default.ToResources(stored, "Patient/p1", ServerBase).Response;

        Assert.Equal("a9", response.Id);
        Assert.StartsWith("2026-01-20T09:30:00", response.Authored, StringComparison.Ordinal);
        Assert.Equal(AssessmentInputJson.ToJson(input), AssessmentInputJson.ToJson(QuestionnaireResponseMapper.ToInput(response).Input!));
    }

    [Fact]
    public void Everything_carries_the_stored_screening_and_function_scores_as_observations()
    {
        var input = Examples.Input("09-psychological-distress");
        var result = AssessmentEvaluator.Default.Evaluate(input);
        var stored = new StoredAssessment("a9", RecordedInput.FromInput(input), result);

        var bundle = FhirAssessmentMapper.Default.Everything(ServerBase, Ada, [new SurgeryRecord("s1", input.Surgery)], [stored]);

        int? Score(string code) => (int?)((Quantity)bundle.All<Observation>().Single(o => o.Code.Coding.Any(c => c.Code == code)).Value).Value;
        Assert.Equal(result.Scores!.Phq2, Score("55758-7"));
        Assert.Equal(result.Scores.Gad2, Score("gad2-total"));
        Assert.Equal(result.Scores.BackFunction, Score("back-function-score"));
        var function = bundle.All<Observation>().Single(o => o.Code.Coding.Any(c => c.Code == "back-function-score"));
        Assert.Contains("not a validated instrument", function.Note.Single().Text, StringComparison.Ordinal);
        validator.AssertValid(bundle);
    }

    private static Bundle Everything()
    {
        var first = Examples.Input(Earlier);
        var second = Examples.Input(Later);
        return FhirAssessmentMapper.Default.Everything(
            ServerBase,
            Ada,
            [new SurgeryRecord("s1", first.Surgery)],
            [
                new StoredAssessment("a1", RecordedInput.FromInput(first), AssessmentEvaluator.Default.Evaluate(first)),
                new StoredAssessment("a2", RecordedInput.FromInput(second), AssessmentEvaluator.Default.Evaluate(second)),
            ]);
    }
}
