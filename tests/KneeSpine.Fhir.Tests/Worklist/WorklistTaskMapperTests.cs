// Firely's POCOs declare every element nullable; tests navigate them freely, and a null there fails the test anyway.
#nullable disable warnings
using Hl7.Fhir.Model;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Fhir.Tests.Support;
using Task = Hl7.Fhir.Model.Task;
using KneeSpine.Fhir.Worklist;

namespace KneeSpine.Fhir.Tests.Worklist;

public sealed class WorklistTaskMapperTests(FhirValidatorFixture validator)
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 25, 13, 34, 0, TimeSpan.Zero);

    private static readonly WorklistTaskRecord Open = new(
        "0193f1a2-0000-7000-8000-000000000001", "0193f1a2-0000-7000-8000-0000000000aa", "0193f1a2-0000-7000-8000-0000000000bb",
        TriageLevel.Urgent, ["possible-spinal-infection"], Opened, Opened.AddHours(4), null, null, null, null);

    [Fact]
    public void An_open_item_is_a_requested_order_for_the_patient_focused_on_the_risk_assessment_and_due_in_the_restriction()
    {
        var task = WorklistTaskMapper.ToTask(Open, KnowledgeBase.Default);

        Assert.Equal(Open.Id, task.Id);
        Assert.Equal(Task.TaskStatus.Requested, task.Status);
        Assert.Equal(Task.TaskIntent.Order, task.Intent);
        Assert.Equal(RequestPriority.Urgent, task.Priority);
        Assert.Equal("Patient/" + Open.PatientId, task.For.Reference);
        Assert.Equal("RiskAssessment/" + FhirAssessmentMapper.RiskAssessmentId(Open.AssessmentId), task.Focus.Reference);
        Assert.Equal("QuestionnaireResponse/" + Open.AssessmentId, ((ResourceReference)task.Input.Single().Value).Reference);
        Assert.Equal(new FhirDateTime(Opened.AddHours(4)).Value, task.Restriction.Period.End);
        Assert.Equal(new FhirDateTime(Opened).Value, task.AuthoredOn);
        Assert.Contains(task.ReasonCode.Coding, c => c.System == KneeSpineCodeSystems.TriageLevel && c.Code == "urgent");
        Assert.Contains(task.ReasonCode.Coding, c => c.System == KneeSpineCodeSystems.Alert && c.Code == "possible-spinal-infection"
            && c.Display == KnowledgeBase.Default.Alerts["possible-spinal-infection"].Title);
        Assert.Empty(task.Output);
        Assert.Empty(task.Note);
        validator.AssertValid(task);
    }

    [Fact]
    public void An_acknowledged_item_is_completed_with_who_when_the_note_and_the_coded_action()
    {
        var acknowledged = Opened.AddMinutes(40);
        var task = WorklistTaskMapper.ToTask(
            Open with { AcknowledgedAt = acknowledged, AcknowledgedBy = "dr.who@example.org", ActionCode = "appointment-booked", Note = "Seen tomorrow 9:00." },
            KnowledgeBase.Default);

        Assert.Equal(Task.TaskStatus.Completed, task.Status);
        Assert.Equal(new FhirDateTime(acknowledged).Value, task.LastModified);
        var note = task.Note.Single();
        Assert.Equal("dr.who@example.org", ((FhirString)note.Author).Value);
        Assert.Equal(new FhirDateTime(acknowledged).Value, note.Time);
        Assert.Equal("Seen tomorrow 9:00.", note.Text);
        var action = ((CodeableConcept)task.Output.Single().Value).Coding.Single();
        Assert.Equal((KneeSpineCodeSystems.WorklistAction, "appointment-booked"), (action.System, action.Code));
        validator.AssertValid(task);
    }

    [Theory]
    [InlineData(TriageLevel.Emergency, RequestPriority.Stat)]
    [InlineData(TriageLevel.Soon, RequestPriority.Routine)]
    public void Priority_follows_the_level(TriageLevel level, RequestPriority priority)
    {
        Assert.Equal(priority, WorklistTaskMapper.ToTask(Open with { Triage = level }, KnowledgeBase.Default).Priority);
    }

    [Fact]
    public void The_worklist_action_code_system_lists_every_action()
    {
        var system = Assert.Single(KneeSpineCodeSystemResources.All(KnowledgeBase.Default), s => s.Url == KneeSpineCodeSystems.WorklistAction);

        Assert.Equal(WorklistTaskActions.All.Select(a => a.Code), system.Concept.Select(c => c.Code));
        validator.AssertValid(system);
    }
}
