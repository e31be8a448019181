namespace KneeSpine.Engine.Input;

/// <summary>One field of the assessment input, with what a form, a questionnaire or a validator needs to know about it.</summary>
/// <param name="Path">JSON path from the document root, e.g. <c>redFlags.feverOrChills</c>.</param>
/// <param name="Section">Top-level property that holds the field (<c>assessment</c> for <c>assessedOn</c>).</param>
/// <param name="Kind">What kind of value the field holds.</param>
/// <param name="Required">Whether the field must be present (a required field in an optional section is required only when the section is given).</param>
/// <param name="Minimum">Lowest allowed value of a number field; <see langword="null"/> for other kinds.</param>
/// <param name="Maximum">Highest allowed value of a number field; <see langword="null"/> for other kinds.</param>
/// <param name="Codes">Allowed codes of a choice field, in schema order; empty for other kinds.</param>
/// <param name="Question">The question as put to the patient, in plain language (clinical-rules.md fixes its wording).</param>
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
    string Label)
{
    /// <summary>
    /// The answers as the patient reads them, plain words first: one per code of a choice field
    /// (in <see cref="Codes"/> order), one per value of a labelled scale (from <see cref="Minimum"/> up),
    /// or the "true" and "false" answers of a yes/no field. Empty for a field answered with a number or date.
    /// </summary>
    public IReadOnlyList<string> AnswerLabels { get; init; } = [];

    /// <summary>What kind of answer a number or date field takes, for the patient ("centimetres", "0 to 10"); <see langword="null"/> when labels say it.</summary>
    public string? AnswerHint { get; init; }

    /// <summary>The label of the answer that leaves an optional field out ("I am not sure"), when the form offers one.</summary>
    public string? LeaveOutLabel { get; init; }

    /// <summary>The period a red-flag question covers ("the last 7 days"); the question names it. <see langword="null"/> for other fields.</summary>
    public string? Period { get; init; }

    /// <summary>The stem shared by the items of a questionnaire section (PHQ-2 and GAD-2, back function); <see langword="null"/> for other fields.</summary>
    public string? Stem { get; init; }

    /// <summary>
    /// Whether the wording is a validated questionnaire's (PHQ-2, GAD-2), used unchanged and left out of
    /// the plain-language measurement.
    /// </summary>
    public bool FixedWording { get; init; }
}
