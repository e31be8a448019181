using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Fhir.Tests.Support;

/// <summary>
/// An offline validator against the base R4 StructureDefinitions in specification.zip (shipped by
/// Hl7.Fhir.Specification.Data.R4), built once for the whole test assembly because loading the zip is slow.
/// </summary>
/// <remarks>
/// The local terminology service knows only the value sets in the zip: codes from external systems
/// (LOINC, SNOMED CT, KneeSpine's own) cannot be checked and are not errors, while structure,
/// cardinality, required bindings to FHIR's own value sets and invariants are.
/// One invariant is skipped: R4's ras-2 (<c>probability is decimal implies (probability as decimal) &lt;= 100</c>)
/// evaluates to empty, which the validator reports as a failure, on every RiskAssessment prediction without a
/// probability. KneeSpine states no probability (a test asserts it), so the rule has nothing to check.
/// </remarks>
public sealed class FhirValidatorFixture
{
    private readonly Validator validator;

    public FhirValidatorFixture()
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        var settings = new ValidationSettings();
        settings.ExcludeFilters.Add(assertion => assertion is InvariantValidator { Key: "ras-2" });
        validator = new Validator(source, new LocalTerminologyService(source), null, settings, null);
        // Reading the zip and compiling the first schemas costs about 10 s of CPU (a second bundle: milliseconds). Started
        // here, when the assembly starts, it overlaps with the apps and databases the first tests set up; a test that
        // validates meanwhile waits on the lock as before. The outcome is thrown away: these shells are not valid.
        _ = Task.Run(() => Validate(new Bundle
        {
            Type = Bundle.BundleType.Collection,
            Entry =
            [
                .. new Resource[]
                {
                    new Patient(), new Procedure(), new Questionnaire(), new QuestionnaireResponse(), new RiskAssessment(), new Flag(),
                    new CarePlan(), new Observation(), new OperationOutcome(), new CapabilityStatement(),
                }.Select(r => new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = r }),
            ],
        }));
    }

    /// <summary>Validates <paramref name="resource"/> against its base StructureDefinition.</summary>
    public OperationOutcome Validate(Resource resource)
    {
        lock (validator)
        {
            return validator.Validate(resource, null!);
        }
    }

    /// <summary>Fails with every error and fatal issue when <paramref name="resource"/> is not valid R4.</summary>
    public void AssertValid(Resource resource)
    {
        var problems = Validate(resource).Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Severity} {i.Code} at {string.Join(", ", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}")
            .ToList();
        Assert.True(problems.Count == 0, $"{resource.TypeName} is not valid R4:\n" + string.Join("\n", problems));
    }
}
