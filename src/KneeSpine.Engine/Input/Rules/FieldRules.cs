using System.Globalization;

namespace KneeSpine.Engine.Input;

/// <summary>
/// The checks shared by <see cref="AssessmentInputReader"/> (JSON in) and
/// <see cref="AssessmentInputValidator"/> (model built in code): one rule, one message, one path.
/// </summary>
internal static class FieldRules
{
    /// <summary>Whether <paramref name="value"/> lies within the field's range (NaN and infinities never do).</summary>
    public static bool InRange(int field, double value) =>
        value >= FieldIndex.Minimum[field] && value <= FieldIndex.Maximum[field];

    /// <summary>Reports <paramref name="value"/> when it lies outside the field's range.</summary>
    public static bool CheckRange(int field, double value, ref ErrorList errors)
    {
        if (InRange(field, value))
        {
            return true;
        }

        errors.Add(FieldIndex.Fields[field].Path, InputMessages.OutOfRange(FieldIndex.Fields[field], Format(value)));
        return false;
    }

    /// <summary>Reports a surgery date after the assessment date.</summary>
    public static void CheckDateOrder(DateOnly assessedOn, DateOnly surgeryDate, ref ErrorList errors)
    {
        if (assessedOn < surgeryDate)
        {
            errors.Add(FieldIndex.Fields[FieldIndex.AssessedOn].Path, InputMessages.AssessedBeforeSurgery(assessedOn, surgeryDate));
        }
    }

    /// <summary>Path of one entry of a list field: <c>conditions[3]</c>.</summary>
    public static string ItemPath(int field, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{FieldIndex.Fields[field].Path}[{index}]");

    /// <summary>Adds a code to a list, reporting it when it is already listed.</summary>
    public static void AddToList(ref CodeList list, int field, int position, int index, ref ErrorList errors)
    {
        if (!list.TryAdd(position, index, out var first))
        {
            errors.Add(ItemPath(field, index), InputMessages.DuplicateCode(FieldIndex.Fields[field].Codes[position], ItemPath(field, first)));
        }
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
