using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;

namespace KneeSpine.Web.Fhir.Bulk;

/// <summary>
/// One NDJSON line after the CPU work (parse, map, evaluate), before any database work: what to store, or why not.
/// Built in parallel on every core; the single writer then only looks up ids and inserts.
/// </summary>
internal sealed record PreparedLine(int Number, string Text, PreparedKind Kind)
{
    public string? Error { get; init; }

    /// <summary>The store id of the Patient, or of the patient a Procedure or response refers to.</summary>
    public Guid PatientId { get; init; }

    public ImportedPatient? Patient { get; init; }

    public ImportedProcedure? Procedure { get; init; }

    /// <summary>The response's store id; its input and result; when it was recorded.</summary>
    public Guid AssessmentId { get; init; }

    public AssessmentInput? Input { get; init; }

    public AssessmentResult? Result { get; init; }

    /// <summary>The input and result as stored (the assessment row's JSON columns).</summary>
    public string? InputJson { get; init; }

    public string? ResultJson { get; init; }

    public DateTimeOffset? RecordedAt { get; init; }

    public static PreparedLine Failed(int number, string text, string error) => new(number, text, PreparedKind.Error) { Error = error };
}

/// <summary>The kinds of line, in the order a batch stores them (patients before what refers to them).</summary>
internal enum PreparedKind
{
    Patient,
    Procedure,
    Response,

    /// <summary>A response whose id is already stored: counted as present, not parsed (ADR-167).</summary>
    Present,
    Skipped,
    Error,
}

/// <summary>A Patient line's fields, checked against the same rules as <c>POST /api/v1/patients</c>.</summary>
internal sealed record ImportedPatient(string? Name, DateOnly? BirthDate, string? Sex);

/// <summary>What a knee replacement Procedure line says about the surgery.</summary>
internal sealed record ImportedProcedure(DateOnly Date, SurgerySide? Side, SurgeryProcedure? Kind);
