using KneeSpine.Store.Worklist;

namespace KneeSpine.Web.Worklist;

/// <summary>An item with what the page shows beside it: the patient's name and which version of the assessment opened it.</summary>
public sealed record WorklistRow(WorklistItem Item, string PatientName, int AssessmentVersion, DateOnly AssessedOn);
