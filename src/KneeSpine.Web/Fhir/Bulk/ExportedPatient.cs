using KneeSpine.Store.Assessments;
using StoredPatient = KneeSpine.Store.Patients.Patient;

namespace KneeSpine.Web.Fhir.Bulk;

/// <summary>
/// One patient of an export page as read from the store, not yet mapped: the patient row, whether its Patient and
/// Procedure belong in the export (not when a <c>_since</c> excludes them), and its current assessment rows, oldest first.
/// </summary>
public sealed record ExportedPatient(StoredPatient Patient, bool WithDemographics, IReadOnlyList<Assessment> Assessments);
