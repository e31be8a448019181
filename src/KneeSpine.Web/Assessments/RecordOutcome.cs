using KneeSpine.Engine.Input;
using KneeSpine.Store.Assessments;

namespace KneeSpine.Web.Assessments;

/// <summary>What happened to an attempt to store an assessment.</summary>
public sealed record RecordOutcome(Assessment? Assessment, IReadOnlyList<ValidationError> Errors, string? Conflict, bool PatientMissing = false)
{
    public static RecordOutcome Stored(Assessment assessment) => new(assessment, [], null);

    public static RecordOutcome Invalid(IReadOnlyList<ValidationError> errors) => new(null, errors, null);

    public static RecordOutcome Conflicted(string reason) => new(null, [], reason);

    /// <summary>No such patient: the API answers 404; callers that checked the patient first see a plain error.</summary>
    public static RecordOutcome NoSuchPatient() => new(null, [new ValidationError("$", "This patient does not exist.")], null, PatientMissing: true);
}
