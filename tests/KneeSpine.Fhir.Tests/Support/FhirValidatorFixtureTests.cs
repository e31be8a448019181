using Hl7.Fhir.Model;

namespace KneeSpine.Fhir.Tests.Support;

public sealed class FhirValidatorFixtureTests(FhirValidatorFixture validator)
{
    [Fact]
    public void Validator_reports_missing_required_elements_as_errors()
    {
        var flag = new Flag { Code = new CodeableConcept("https://kneespine.org/fhir/CodeSystem/alert", "possible-fracture") };

        var errors = validator.Validate(flag).Issue.Where(i => i.Severity == OperationOutcome.IssueSeverity.Error).ToList();

        Assert.Contains(errors, i => i.Details.Text.Contains("status", StringComparison.Ordinal));
        Assert.Contains(errors, i => i.Details.Text.Contains("subject", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_checks_entries_inside_a_bundle()
    {
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Collection,
            Entry = [new Bundle.EntryComponent { FullUrl = "urn:uuid:8d6f1c9e-8c1a-4f0e-9a44-0d1f2d3c4b5a", Resource = new Flag() }],
        };

        Assert.Contains(validator.Validate(bundle).Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);
    }

    [Fact]
    public void Validator_still_checks_other_RiskAssessment_invariants()
    {
        var risk = new RiskAssessment
        {
            Status = ObservationStatus.Final,
            Subject = new ResourceReference("Patient/p1"),
            // ras-1: a probability range must be in percent.
            Prediction =
            [
                new RiskAssessment.PredictionComponent
                {
                    Probability = new Hl7.Fhir.Model.Range { Low = new Quantity { Value = 20, Unit = "mg", Code = "mg", System = "http://unitsofmeasure.org" } },
                },
            ],
        };

        Assert.Contains(validator.Validate(risk).Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);
    }
}
