using KneeSpine.Engine.Input;
using KneeSpine.Store.Assessments;

namespace KneeSpine.Web.Assessments;

/// <summary>What happened to an attempt to store an assessment.</summary>
public sealed record RecordOutcome(Assessment? Assessment, IReadOnlyList<ValidationError> Errors, string? Conflict)
{
    public static RecordOutcome Stored(Assessment assessment) => new(assessment, [], null);

    public static RecordOutcome Invalid(IReadOnlyList<ValidationError> errors) => new(null, errors, null);

    public static RecordOutcome Conflicted(string reason) => new(null, [], reason);
}
