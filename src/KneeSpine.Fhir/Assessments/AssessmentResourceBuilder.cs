using Hl7.Fhir.Model;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Fhir.Terminology;

namespace KneeSpine.Fhir.Assessments;

/// <summary>Builds the resources of one evaluated assessment; see <see cref="FhirAssessmentMapper"/> for the mapping.</summary>
internal sealed class AssessmentResourceBuilder(KnowledgeText text)
{
    private const string FlagPriorityExtension = "http://hl7.org/fhir/StructureDefinition/flag-priority";
    private const string FlagPrioritySystem = "http://terminology.hl7.org/CodeSystem/flag-priority-code";

    public AssessmentResources Build(
        QuestionnaireResponse response, RecordedInput input, AssessmentResult result, ResourceReference subject, ResourceIdentity identity)
    {
        var responseReference = identity.ReferenceTo(response);
        var citations = text.Citations(result);
        var date = FhirDates.DateTime(input.AssessedOn);

        var painScores = PainObservations(input, subject, date, responseReference, identity)
            .Concat(ScoreObservations(result.Scores, subject, date, responseReference, identity))
            .ToList();
        var factors = result.Factors.Select(f => FactorObservation(f, citations, subject, date, responseReference, identity)).ToList();
        var flags = result.Alerts.Select(a => Flag(a, citations, subject, input.AssessedOn, identity)).ToList();

        var risk = new RiskAssessment
        {
            Id = identity.IdFor("risk-assessment"),
            Status = ObservationStatus.Final,
            Code = new CodeableConcept { Coding = [ObservationCodes.BackPainTriage], Text = ObservationCodes.BackPainTriage.Display },
            Subject = subject,
            Occurrence = date,
            Method = new CodeableConcept { Text = "KneeSpine knowledge base " + result.KnowledgeBaseVersion },
            Basis = [responseReference, .. painScores.Select(identity.ReferenceTo), .. factors.Select(identity.ReferenceTo)],
            Prediction =
            [
                new RiskAssessment.PredictionComponent
                {
                    QualitativeRisk = new CodeableConcept { Coding = [TriageCoding(result.Triage.Level)], Text = result.Triage.Headline },
                    Rationale = result.Triage.Headline,
                },
            ],
            Note = [new Annotation { Text = text.Disclaimer }],
            Text = Narratives.Of($"Triage: {CodeDisplay.For(SpecCodes.Of(result.Triage.Level))}. {result.Triage.Headline}", text.Disclaimer),
        };

        var carePlan = new CarePlan
        {
            Id = identity.IdFor("care-plan"),
            Status = RequestStatus.Active,
            Intent = CarePlan.CarePlanIntent.Plan,
            Title = "Back pain after knee replacement: personalised plan",
            Description = result.Triage.Headline,
            Subject = subject,
            Created = FhirDates.Text(input.AssessedOn),
            SupportingInfo = [identity.ReferenceTo(risk), responseReference],
            Activity = [.. result.Plan.Select(item => Activity(item, result, citations, factors, identity))],
            Note = [new Annotation { Text = text.Disclaimer }],
        };

        return new AssessmentResources(response, risk, flags, carePlan, [.. painScores, .. factors]);
    }

    // CodeableConcept's (system, code, text) constructor puts the third argument in text, not in the coding's display.
    private static CodeableConcept Concept(Coding coding) => new() { Coding = [coding] };

    public static Coding TriageCoding(TriageLevel level)
    {
        var code = SpecCodes.Of(level);
        return new Coding(KneeSpineCodeSystems.TriageLevel, code, CodeDisplay.For(code));
    }

    private static IEnumerable<Observation> PainObservations(
        RecordedInput input, ResourceReference subject, FhirDateTime date, ResourceReference response, ResourceIdentity identity)
    {
        yield return PainObservation(identity.IdFor("back-pain"), ObservationCodes.BackPainNow, input.BackPainNow,
            StandardCodes.LowerBack, subject, date, response);
        if (input.KneePainNow is { } kneePain)
        {
            yield return PainObservation(identity.IdFor("knee-pain"), ObservationCodes.KneePainNow, kneePain,
                KneeSite(input.SurgerySide), subject, date, response);
        }
    }

    private static Observation PainObservation(
        string id, Coding code, int score, Coding bodySite, ResourceReference subject, FhirDateTime date, ResourceReference response) => new()
        {
            Id = id,
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept { Coding = [StandardCodes.SurveyCategory] }],
            Code = new CodeableConcept { Coding = [StandardCodes.PainScore, code], Text = code.Display },
            Subject = subject,
            Effective = date,
            Value = new Quantity
            {
                Value = score,
                Unit = StandardCodes.ScoreUnit,
                System = StandardCodes.Ucum,
                Code = StandardCodes.ScoreUnit,
            },
            BodySite = new CodeableConcept { Coding = [bodySite] },
            DerivedFrom = [response],
        };

    /// <summary>
    /// The questionnaire scores that could be computed (all their items answered), with their meaning: the screens
    /// are not a diagnosis; the function score is not a validated instrument. A version 1 result has none.
    /// </summary>
    private static IEnumerable<Observation> ScoreObservations(
        AssessmentScores? scores, ResourceReference subject, FhirDateTime date, ResourceReference response, ResourceIdentity identity)
    {
        if (scores is null)
        {
            yield break;
        }

        if (scores.Phq2 is { } phq2)
        {
            yield return ScoreObservation(identity.IdFor("phq2"), StandardCodes.Phq2Total, phq2, ScreenNote("PHQ-2", "low mood", "PHQ-9"), subject, date, response);
        }

        if (scores.Gad2 is { } gad2)
        {
            yield return ScoreObservation(identity.IdFor("gad2"), ObservationCodes.Gad2Total, gad2, ScreenNote("GAD-2", "anxiety", "GAD-7"), subject, date, response);
        }

        if (scores.BackFunction is { } function)
        {
            yield return ScoreObservation(identity.IdFor("back-function"), ObservationCodes.BackFunctionScore, function,
                "0-12, higher is more limited. KneeSpine's own four items: not a validated instrument, with no minimal important change; follow it over time, do not compare it with other scales.",
                subject, date, response);
        }
    }

    /// <summary>The interpretation a screening total carries wherever it goes.</summary>
    public static string ScreenNote(string name, string condition, string followUp) =>
        $"{name}, 0-6: 3 or more is a positive screen for {condition}. A positive screen is not a diagnosis; follow with the {followUp} and a clinical assessment.";

    private static Observation ScoreObservation(
        string id, Coding code, int score, string meaning, ResourceReference subject, FhirDateTime date, ResourceReference response) => new()
        {
            Id = id,
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept { Coding = [StandardCodes.SurveyCategory] }],
            Code = new CodeableConcept { Coding = [(Coding)code.DeepCopy()], Text = code.Display },
            Subject = subject,
            Effective = date,
            Value = new Quantity { Value = score, Unit = StandardCodes.ScoreUnit, System = StandardCodes.Ucum, Code = StandardCodes.ScoreUnit },
            Note = [new Annotation { Text = meaning }],
            DerivedFrom = [response],
        };

    /// <summary>The operated knee, lateralised when the side is known.</summary>
    public static Coding KneeSite(SurgerySide? side) => side switch
    {
        SurgerySide.Left => StandardCodes.LeftKnee,
        SurgerySide.Right => StandardCodes.RightKnee,
        SurgerySide.Both => StandardCodes.BothKnees,
        _ => StandardCodes.Knee,
    };

    private Observation FactorObservation(
        FactorFinding factor, ResultCitations citations, ResourceReference subject, FhirDateTime date, ResourceReference response, ResourceIdentity identity)
    {
        var title = text.FactorTitle(factor.Id);
        var certainty = SpecCodes.Of(factor.Certainty);
        return new Observation
        {
            Id = identity.IdFor("factor:" + factor.Id),
            Status = ObservationStatus.Final,
            Code = new CodeableConcept { Coding = [ObservationCodes.ContributingFactor] },
            Subject = subject,
            Effective = date,
            Value = new CodeableConcept { Coding = [new Coding(KneeSpineCodeSystems.Factor, factor.Id, title)], Text = title },
            Component =
            [
                new Observation.ComponentComponent
                {
                    Code = new CodeableConcept { Coding = [ObservationCodes.FactorCertainty] },
                    Value = Concept(new Coding(KneeSpineCodeSystems.Certainty, certainty, CodeDisplay.For(certainty))),
                },
            ],
            Note = [new Annotation { Text = factor.Explanation }],
            DerivedFrom = [response],
            Extension = [.. CitationArtifacts.Extensions(CitationArtifacts.ObservationExtension, citations.Of(factor.Sources))],
        };
    }

    private Flag Flag(AlertFinding alert, ResultCitations citations, ResourceReference subject, DateOnly assessedOn, ResourceIdentity identity)
    {
        var title = text.AlertTitle(alert.Id);
        return new Flag
        {
            Id = identity.IdFor("flag:" + alert.Id),
            Status = Hl7.Fhir.Model.Flag.FlagStatus.Active,
            Category = [new CodeableConcept { Coding = [StandardCodes.ClinicalFlagCategory] }],
            Code = new CodeableConcept { Coding = [new Coding(KneeSpineCodeSystems.Alert, alert.Id, title)], Text = title },
            Subject = subject,
            Period = new Period { Start = FhirDates.Text(assessedOn) },
            Extension = [new Extension(FlagPriorityExtension, Priority(alert.Level)), .. CitationArtifacts.Extensions(CitationArtifacts.FindingExtension, citations.Of(alert.Sources))],
            Text = Narratives.Of($"{title} ({SpecCodes.Of(alert.Level)})", alert.Explanation),
        };
    }

    private static CodeableConcept Priority(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => Concept(new Coding(FlagPrioritySystem, "PH", "High priority")),
        TriageLevel.Urgent => Concept(new Coding(FlagPrioritySystem, "PM", "Medium priority")),
        _ => Concept(new Coding(FlagPrioritySystem, "PL", "Low priority")),
    };

    private CarePlan.ActivityComponent Activity(
        PlanItem item, AssessmentResult result, ResultCitations citations, List<Observation> factorObservations, ResourceIdentity identity)
    {
        var factorIds = result.Factors.Select(f => f.Id).ToList();
        var activity = new CarePlan.ActivityComponent
        {
            Detail = new CarePlan.DetailComponent
            {
                Code = new CodeableConcept { Coding = [new Coding(KneeSpineCodeSystems.PlanItem, item.Id, text.PlanItemTitle(item.Id))], Text = text.PlanItemTitle(item.Id) },
                Status = CarePlan.CarePlanActivityStatus.NotStarted,
                Description = item.PatientText,
                ReasonCode = [.. item.Because.Select(Reason)],
                ReasonReference =
                [
                    .. item.Because
                        .Select(id => factorIds.IndexOf(id))
                        .Where(index => index >= 0)
                        .Select(index => identity.ReferenceTo(factorObservations[index])),
                ],
            },
            Extension = [.. CitationArtifacts.Extensions(CitationArtifacts.FindingExtension, citations.Of(item.Sources))],
        };
        if (item.ClinicianText is { } clinicianText)
        {
            activity.Progress = [new Annotation { Text = clinicianText }];
        }

        return activity;
    }

    private CodeableConcept Reason(string id)
    {
        if (text.IsAlert(id))
        {
            return Concept(new Coding(KneeSpineCodeSystems.Alert, id, text.AlertTitle(id)));
        }

        if (text.IsFactor(id))
        {
            return Concept(new Coding(KneeSpineCodeSystems.Factor, id, text.FactorTitle(id)));
        }

        return KneeSpineCodeSystems.PlanBases.FirstOrDefault(b => b.Code == id) is { } basis
            ? new CodeableConcept { Coding = [(Coding)basis.DeepCopy()] }
            : throw new ArgumentException($"Plan reason '{id}' is neither an alert, a factor nor a plan basis.", nameof(id));
    }
}
