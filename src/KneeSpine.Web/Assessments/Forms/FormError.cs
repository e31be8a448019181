namespace KneeSpine.Web.Assessments.Forms;

/// <summary>A problem with one answer of a form.</summary>
/// <param name="Path">JSON path reported by the engine, e.g. <c>conditions[2]</c>.</param>
/// <param name="FieldPath">The form field it belongs to, e.g. <c>conditions</c>; <see langword="null"/> for the whole form.</param>
/// <param name="Message">What is wrong, in plain language.</param>
public sealed record FormError(string Path, string? FieldPath, string Message, string? AnchorId = null)
{
    /// <summary>The id of the form control to link to from the error summary.</summary>
    public string Anchor => AnchorId ?? (FieldPath is null ? "assessment-form" : FormFieldIds.For(FieldPath));
}
