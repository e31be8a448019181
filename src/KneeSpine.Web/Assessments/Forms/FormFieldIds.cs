using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>Element ids for the controls of a field: stable, valid in HTML and CSS, derived from the path.</summary>
public static class FormFieldIds
{
    /// <summary>The id of the field's first control (<c>redFlags.feverOrChills</c> is <c>f-redFlags-feverOrChills</c>).</summary>
    public static string For(string path) => "f-" + path.Replace('.', '-');

    /// <summary>The id of one option of a choice, e.g. <c>f-surgery-anesthesia-general</c>.</summary>
    public static string ForOption(string path, string code) => For(path) + "-" + code;

    /// <summary>The id of the field's error message.</summary>
    public static string ErrorFor(string path) => For(path) + "-error";

    /// <summary>The id of the field's hint.</summary>
    public static string HintFor(string path) => For(path) + "-hint";

    /// <summary>The form field an engine error path belongs to: <c>conditions[2]</c> belongs to <c>conditions</c>, a missing section to its first field.</summary>
    public static string? FieldOf(string errorPath)
    {
        var bracket = errorPath.IndexOf('[', StringComparison.Ordinal);
        var path = bracket >= 0 ? errorPath[..bracket] : errorPath;
        if (InputFields.TryGet(path, out var field))
        {
            return field.Path;
        }

        return InputFields.All.FirstOrDefault(f => f.Path.StartsWith(path + ".", StringComparison.Ordinal))?.Path;
    }
}
