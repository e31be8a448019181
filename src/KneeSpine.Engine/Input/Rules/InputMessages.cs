using System.Globalization;

namespace KneeSpine.Engine.Input;

/// <summary>
/// Every validation message, in plain language. Messages never repeat the path (it is reported
/// beside them) and quote at most a short piece of the offending value.
/// </summary>
internal static class InputMessages
{
    public const string RootPath = "$";

    private const int MaxQuoted = 40;
    private const string RedFlagRule = "answer true or false. An unanswered red-flag question is never taken as \"no\"";

    public const string Empty = "The input is empty: expected one JSON object describing the assessment.";
    public const string InvalidUtf8 = "The input contains bytes that are not valid UTF-8 text.";

    public static string NotJson(long line, long position) =>
        $"The input is not valid JSON, or is cut short: check the quotes, commas and brackets near line {line + 1}, character {position + 1}.";

    public static string NotAnObject(string found) =>
        $"Must be a JSON object describing one assessment, but is {found}.";

    public static string SchemaVersion(string found) =>
        $"Must be 2 (the version of the input format this program reads), but is {found}.";

    /// <summary>A version 1 input: it cannot be evaluated, because version 2 asks red-flag questions that version 1 did not.</summary>
    public const string SchemaVersionOne =
        "Must be 2, but is 1. Version 1 inputs can no longer be evaluated: version 2 adds red-flag questions that must be asked "
        + "(redFlags.sciaticaBothLegs, redFlags.newLegWeaknessOrNumbness, redFlags.suddenSevereBackPain, redFlags.coughingBloodOrFainting) "
        + "and changes the wording and period of the others. Ask every version 2 red-flag question and send schemaVersion 2.";

    public const string SchemaVersionMissing = "Required, but missing: must be 2 (the version of the input format).";

    public static string Missing(InputField field) =>
        field.Section == "redFlags" ? "Required, but missing: " + RedFlagRule + "." : "Required, but missing.";

    public static string SectionMissing(string section) =>
        section == "redFlags" ? "Required, but missing: " + RedFlagRule + "." : "Required, but missing: this section must be given.";

    public static string Null(InputField field) =>
        field.Section == "redFlags" ? "Must not be null: " + RedFlagRule + "."
        : field.Required ? "Must not be null: a value is required."
        : "Must not be null: leave the field out when there is no answer.";

    public static string SectionNull(string section, bool required) =>
        section == "redFlags" ? "Must not be null: " + RedFlagRule + "."
        : required ? "Must not be null: this section must be an object."
        : "Must not be null: leave the section out when there are no answers.";

    public static string NotASection(string found) => $"Must be an object (a group of answers), but is {found}.";

    public static string UnknownProperty(string allowed) => $"Is not a known field here. Known fields: {allowed}.";

    public const string DuplicateProperty = "Appears more than once; give each field once.";

    public static string WrongType(InputField field, string found) => field.Kind switch
    {
        FieldKind.Boolean => $"Must be true or false, but is {found}.",
        FieldKind.Integer => $"Must be a whole number from {Bound(field.Minimum)} to {Bound(field.Maximum)}, but is {found}.",
        FieldKind.Decimal => $"Must be a number from {Bound(field.Minimum)} to {Bound(field.Maximum)}, but is {found}.",
        FieldKind.Date => $"Must be a date written as YYYY-MM-DD (for example 2026-03-16), but is {found}.",
        FieldKind.Choice => $"Must be one of these codes: {string.Join(", ", field.Codes)}; but is {found}.",
        _ => $"Must be a list of codes (a JSON array), but is {found}.",
    };

    public static string OutOfRange(InputField field, string value) =>
        $"Must be from {Bound(field.Minimum)} to {Bound(field.Maximum)}, but is {Quote(value)}.";

    public static string UnknownCode(InputField field, string code) =>
        $"\"{Quote(code)}\" is not an allowed code. Allowed codes: {string.Join(", ", field.Codes)}.";

    public static string NullListItem(InputField field) =>
        $"Must not be null: each entry must be one of these codes: {string.Join(", ", field.Codes)}.";

    public static string DuplicateCode(string code, string firstPath) =>
        $"\"{code}\" is listed more than once (first at {firstPath}); list each code once.";

    public static string NotADate(string text) =>
        $"Must be a date written as YYYY-MM-DD (for example 2026-03-16), but is \"{Quote(text)}\".";

    public static string ImpossibleDate(string text) =>
        $"\"{Quote(text)}\" is not a real calendar date.";

    public static string AssessedBeforeSurgery(DateOnly assessedOn, DateOnly surgeryDate) =>
        $"The assessment date {Iso(assessedOn)} is before the surgery date {Iso(surgeryDate)} (surgery.date); the assessment must be on or after the day of surgery.";

    /// <summary>A short, safe description of a value the user gave, for "but is ..." clauses.</summary>
    public static string Describe(System.Text.Json.JsonTokenType token, string? text) => token switch
    {
        System.Text.Json.JsonTokenType.String => $"the text \"{Quote(text ?? string.Empty)}\"",
        System.Text.Json.JsonTokenType.Number => Quote(text ?? string.Empty),
        System.Text.Json.JsonTokenType.True => "true",
        System.Text.Json.JsonTokenType.False => "false",
        System.Text.Json.JsonTokenType.StartObject => "an object",
        System.Text.Json.JsonTokenType.StartArray => "a list",
        System.Text.Json.JsonTokenType.Null => "null",
        _ => "something else",
    };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Bound(decimal? value) => (value ?? 0m).ToString(CultureInfo.InvariantCulture);

    /// <summary>Shortens a quoted value and replaces control characters, so a message can be printed to a terminal safely.</summary>
    public static string Quote(string text)
    {
        var shown = text.Length <= MaxQuoted ? text : string.Concat(text.AsSpan(0, MaxQuoted), "...");
        return shown.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || shown.AsSpan().ContainsAnyInRange('\u007f', '\u009f')
            ? string.Create(shown.Length, shown, static (span, source) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = char.IsControl(source[i]) ? '?' : source[i];
                }
            })
            : shown;
    }
}
