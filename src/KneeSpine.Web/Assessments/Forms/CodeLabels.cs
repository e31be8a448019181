using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>The patient's words for an answer, as the input catalogue gives them (plain words first).</summary>
public static class CodeLabels
{
    /// <summary>The text shown for <paramref name="code"/> as an answer to the field at <paramref name="path"/>.</summary>
    /// <remarks>A code without a label reads as itself with spaces ("hip-osteoarthritis" is "Hip osteoarthritis").</remarks>
    public static string For(string path, string code)
    {
        var field = InputFields.Get(path);
        var index = field.Codes.ToList().IndexOf(code);
        return index >= 0 && index < field.AnswerLabels.Count
            ? field.AnswerLabels[index]
            : string.Concat(char.ToUpperInvariant(code[0]).ToString(), code[1..].Replace('-', ' '));
    }

    /// <summary>The answers offered for a yes/no field, as (value, text) pairs ("Yes"/"No", "I agree"/"I disagree").</summary>
    public static (string Value, string Text)[] ForBoolean(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AnswerLabels.Count == 2 ? [("true", field.AnswerLabels[0]), ("false", field.AnswerLabels[1])] : [("true", "Yes"), ("false", "No")];
    }

    /// <summary>The answers of a labelled scale (0 = "Not at all" ...), as (value, text) pairs.</summary>
    public static (string Value, string Text)[] ForScale(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var first = (int)(field.Minimum ?? 0);
        return [.. field.AnswerLabels.Select((label, i) => ((first + i).ToString(System.Globalization.CultureInfo.InvariantCulture), label))];
    }

    /// <summary>Whether a number field is answered on a labelled scale (the questionnaires' items).</summary>
    public static bool IsScale(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind == FieldKind.Integer && field.AnswerLabels.Count > 0;
    }
}
