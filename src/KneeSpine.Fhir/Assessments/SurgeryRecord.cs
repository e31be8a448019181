using KneeSpine.Engine.Input;

namespace KneeSpine.Fhir.Assessments;

/// <summary>A stored knee replacement, to be exported as a FHIR Procedure.</summary>
/// <param name="Id">The Procedure id.</param>
/// <param name="Surgery">The surgery as recorded.</param>
public sealed record SurgeryRecord(string Id, SurgeryInfo Surgery);
