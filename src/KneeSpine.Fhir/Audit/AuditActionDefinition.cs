using Hl7.Fhir.Model;

namespace KneeSpine.Fhir.Audit;

/// <summary>How one KneeSpine audit action reads in FHIR: its display, DICOM event type, optional DICOM subtype and CRUDE action.</summary>
public sealed record AuditActionDefinition(string Code, string Display, Coding Type, Coding? StandardSubtype, AuditEvent.AuditEventAction Action);
