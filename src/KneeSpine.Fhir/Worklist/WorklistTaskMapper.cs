using Hl7.Fhir.Model;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Terminology;
using Task = Hl7.Fhir.Model.Task;

namespace KneeSpine.Fhir.Worklist;

/// <summary>
/// A worklist item as a FHIR R4 Task, so an EHR can pull the clinic's open items: <c>requested</c> while open,
/// <c>completed</c> once acknowledged; <c>intent</c> order; <c>for</c> the Patient; <c>focus</c> the RiskAssessment
/// that holds the triage result (its id as <see cref="FhirAssessmentMapper"/> derives it), with the answers'
/// QuestionnaireResponse as an input; the due time in <c>restriction.period.end</c>; the acknowledgement as a note
/// (who, when, the text) and a coded output (<see cref="KneeSpineCodeSystems.WorklistAction"/>).
/// </summary>
public static class WorklistTaskMapper
{
    public static Task ToTask(WorklistTaskRecord item, KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var level = SpecCodes.Of(item.Triage);
        var alerts = item.AlertIds.Select(id => knowledgeBase.Alerts.TryGet(id, out var alert) ? alert.Title : id).ToList();
        var completed = item.AcknowledgedAt is not null;
        var task = new Task
        {
            Id = item.Id,
            Status = completed ? Task.TaskStatus.Completed : Task.TaskStatus.Requested,
            Intent = Task.TaskIntent.Order,
            Priority = item.Triage switch
            {
                TriageLevel.Emergency => RequestPriority.Stat,
                TriageLevel.Urgent => RequestPriority.Urgent,
                _ => RequestPriority.Routine,
            },
            Description = $"Review a KneeSpine back-pain result at the {level} level" + (alerts.Count == 0 ? "." : ": " + string.Join("; ", alerts) + "."),
            ReasonCode = new CodeableConcept
            {
                Coding = [new Coding(KneeSpineCodeSystems.TriageLevel, level, CodeDisplay.For(level)), .. item.AlertIds.Select((id, n) => new Coding(KneeSpineCodeSystems.Alert, id, alerts[n]))],
                Text = CodeDisplay.For(level),
            },
            Focus = new ResourceReference("RiskAssessment/" + FhirAssessmentMapper.RiskAssessmentId(item.AssessmentId)),
            For = new ResourceReference("Patient/" + item.PatientId),
            AuthoredOnElement = new FhirDateTime(item.OpenedAt),
            LastModifiedElement = new FhirDateTime(item.AcknowledgedAt ?? item.OpenedAt),
            ExecutionPeriod = new Period(new FhirDateTime(item.OpenedAt), item.AcknowledgedAt is { } end ? new FhirDateTime(end) : null),
            Restriction = new Task.RestrictionComponent { Period = new Period(new FhirDateTime(item.OpenedAt), new FhirDateTime(item.DueBy)) },
            Input =
            [
                new Task.ParameterComponent
                {
                    Type = new CodeableConcept { Text = "The answers the result was evaluated from" },
                    Value = new ResourceReference("QuestionnaireResponse/" + item.AssessmentId),
                },
            ],
        };

        if (completed)
        {
            var action = item.ActionCode is { } code ? WorklistTaskActions.Display(code) : "Acknowledged";
            task.Note =
            [
                new Annotation
                {
                    Author = new FhirString(item.AcknowledgedBy),
                    TimeElement = new FhirDateTime(item.AcknowledgedAt!.Value),
                    Text = new Markdown(string.IsNullOrWhiteSpace(item.Note) ? action + "." : item.Note),
                },
            ];
            if (item.ActionCode is { } actionCode)
            {
                task.Output =
                [
                    new Task.OutputComponent
                    {
                        Type = new CodeableConcept { Text = "Action taken" },
                        Value = new CodeableConcept(KneeSpineCodeSystems.WorklistAction, actionCode, action, action),
                    },
                ];
            }
        }

        return task;
    }
}
