using Hl7.Fhir.Model;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Fhir.Audit;
using KneeSpine.Fhir.Serialization;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Fhir.Tests.Support;

namespace KneeSpine.Fhir.Tests.Audit;

public sealed class AuditEventMapperTests(FhirValidatorFixture validator)
{
    private static readonly DateTimeOffset Recorded = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static readonly Guid Patient = Guid.Parse("0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b");

    private static readonly Guid Token = Guid.Parse("0193a1b2-0000-7000-8000-00000000beef");

    public static TheoryData<string> ActionCodes => [.. AuditActions.All.Select(a => a.Code)];

    [Theory]
    [MemberData(nameof(ActionCodes))]
    public void Every_action_maps_to_a_valid_R4_AuditEvent_with_its_dicom_type_and_kneespine_subtype(string action)
    {
        var definition = AuditActions.For(action);

        var audit = AuditEventMapper.ToAuditEvent(Entry() with { Action = action });

        validator.AssertValid(audit);
        Assert.Equal(StandardCodes.Dicom, audit.Type.System);
        Assert.Equal(definition.Type.Code, audit.Type.Code);
        Assert.Equal(definition.Action, audit.Action);
        var own = Assert.Single(audit.Subtype, c => c.System == KneeSpineCodeSystems.AuditAction);
        Assert.Equal((action, definition.Display), (own.Code, own.Display));
        Assert.Equal(definition.StandardSubtype is null ? 1 : 2, audit.Subtype.Count);
    }

    [Fact]
    public void A_person_s_read_names_the_account_role_token_address_patient_and_route()
    {
        var audit = AuditEventMapper.ToAuditEvent(Entry());

        Assert.Equal("42", audit.Id);
        Assert.Equal(Recorded, audit.Recorded);
        Assert.Equal(AuditEvent.AuditEventOutcome.N0, audit.Outcome);
        Assert.Equal("success (HTTP 200)", audit.OutcomeDesc);
        var agent = Assert.Single(audit.Agent);
        Assert.Equal("humanuser", agent.Type.Coding[0].Code);
        Assert.Equal((KneeSpineCodeSystems.AccountIdentifier, "user-1", "ada@example.org"), (agent.Who.Identifier.System, agent.Who.Identifier.Value, agent.Who.Display));
        Assert.Equal("clinician", Assert.Single(agent.Role).Text);
        Assert.True(agent.Requestor);
        Assert.Equal(["urn:uuid:" + Token], agent.Policy);
        Assert.Equal(("192.0.2.10", AuditEvent.AuditEventAgentNetworkType.N2), (agent.Network.Address, agent.Network.Type));
        var patient = Assert.Single(audit.Entity, e => e.What is not null);
        Assert.Equal(("Patient/" + Patient, "1", "1"), (patient.What.Reference, patient.Type.Code, patient.Role.Code));
        Assert.Equal("GET /api/v1/patients/" + Patient, Assert.Single(audit.Entity, e => e.Name is not null).Name);
        Assert.Equal("KneeSpine", audit.Source.Observer.Display);
    }

    [Theory]
    [InlineData("success", AuditEvent.AuditEventOutcome.N0)]
    [InlineData("failure", AuditEvent.AuditEventOutcome.N4)]
    [InlineData("denied", AuditEvent.AuditEventOutcome.N8)]
    public void Outcomes_map_to_fhir_codes_and_the_description_keeps_the_word_status_and_detail(string outcome, AuditEvent.AuditEventOutcome expected)
    {
        var audit = AuditEventMapper.ToAuditEvent(Entry() with { Outcome = outcome, StatusCode = 404, Detail = "another patient's record" });

        validator.AssertValid(audit);
        Assert.Equal(expected, audit.Outcome);
        Assert.Equal($"{outcome} (HTTP 404): another patient's record", audit.OutcomeDesc);
    }

    [Fact]
    public void An_ehr_is_an_application_agent_named_by_its_issuer_and_an_anonymous_caller_has_no_identifier()
    {
        var ehr = AuditEventMapper.ToAuditEvent(Entry() with { Action = "cds-patient-view", UserId = null, Role = null, TokenId = null, UserName = "https://ehr.example.org", Client = AuditEntry.CdsHooksClient });
        var anonymous = AuditEventMapper.ToAuditEvent(Entry() with { UserId = null, Role = null, TokenId = null, UserName = "anonymous", PatientId = null, RemoteAddress = null });

        validator.AssertValid(ehr);
        validator.AssertValid(anonymous);
        Assert.Equal(StandardCodes.ApplicationAgent.Code, ehr.Agent[0].Type.Coding[0].Code);
        Assert.Equal(("urn:ietf:rfc:3986", "https://ehr.example.org"), (ehr.Agent[0].Who.Identifier.System, ehr.Agent[0].Who.Identifier.Value));
        Assert.Null(anonymous.Agent[0].Who.Identifier);
        Assert.Equal("anonymous", anonymous.Agent[0].Who.Display);
        Assert.Empty(anonymous.Agent[0].Policy);
        Assert.Null(anonymous.Agent[0].Network);
        Assert.DoesNotContain(anonymous.Entity, e => e.What is not null);
    }

    [Fact]
    public void A_command_line_event_says_so_in_the_source_and_serializes_through_the_sdk()
    {
        var audit = AuditEventMapper.ToAuditEvent(Entry() with { Action = "bulk-import", StatusCode = null, Client = AuditEntry.CommandLineClient, Resource = "kneespine import data.ndjson" });

        var read = FhirJson.Parse<AuditEvent>(FhirJson.Serialize(audit));

        validator.AssertValid(read);
        Assert.Equal("kneespine command line", read.Source.Site);
        Assert.Equal("success", read.OutcomeDesc);
        Assert.Equal(StandardCodes.ImportEvent.Code, read.Type.Code);
    }

    [Fact]
    public void An_unknown_action_or_outcome_is_refused_rather_than_mapped_to_something_else()
    {
        Assert.Throws<KeyNotFoundException>(() => AuditEventMapper.ToAuditEvent(Entry() with { Action = "patient-delete" }));
        Assert.Throws<ArgumentException>(() => AuditEventMapper.ToAuditEvent(Entry() with { Outcome = "maybe" }));
    }

    [Fact]
    public void The_audit_action_code_system_lists_every_action_with_its_display()
    {
        var system = Assert.Single(KneeSpineCodeSystemResources.All(KnowledgeBase.Default), s => s.Url == KneeSpineCodeSystems.AuditAction);

        Assert.Equal(AuditActions.All.Select(a => (a.Code, a.Display)), system.Concept.Select(c => (c.Code, c.Display)));
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Select(a => a.Code).Distinct().Count());
    }

    private static AuditEntry Entry() => new()
    {
        Id = 42,
        Recorded = Recorded,
        Action = "patient-read",
        Outcome = "success",
        StatusCode = 200,
        UserId = "user-1",
        UserName = "ada@example.org",
        Role = "clinician",
        TokenId = Token,
        PatientId = Patient,
        Resource = "GET /api/v1/patients/" + Patient,
        RemoteAddress = "192.0.2.10",
    };
}
