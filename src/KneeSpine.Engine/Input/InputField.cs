namespace KneeSpine.Engine.Input;

/// <summary>One field of the assessment input, with what a form, a questionnaire or a validator needs to know about it.</summary>
/// <param name="Path">JSON path from the document root, e.g. <c>redFlags.feverOrChills</c>.</param>
/// <param name="Section">Top-level property that holds the field (<c>assessment</c> for <c>assessedOn</c>).</param>
/// <param name="Kind">What kind of value the field holds.</param>
/// <param name="Required">Whether the field must be present (a required field in an optional section is required only when the section is given).</param>
/// <param name="Minimum">Lowest allowed value of a number field; <see langword="null"/> for other kinds.</param>
/// <param name="Maximum">Highest allowed value of a number field; <see langword="null"/> for other kinds.</param>
/// <param name="Codes">Allowed codes of a choice field, in schema order; empty for other kinds.</param>
/// <param name="Question">The question as put to the patient, in plain language.</param>
/// <param name="Label">A short label for clinicians.</param>
public sealed record InputField(
    string Path,
    string Section,
    FieldKind Kind,
    bool Required,
    decimal? Minimum,
    decimal? Maximum,
    IReadOnlyList<string> Codes,
    string Question,
    string Label);
