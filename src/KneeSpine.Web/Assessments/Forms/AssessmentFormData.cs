using System.Text.Json;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Assessments;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>
/// The raw answers of an assessment form, keyed by the field's JSON path (the form control's
/// name), exactly as typed, so a form shown again after an error keeps every answer.
/// </summary>
public sealed class AssessmentFormData
{
    private readonly Dictionary<string, string[]> values;

    /// <summary>Creates form data from name/values pairs; names that are not input fields are ignored.</summary>
    public AssessmentFormData(IEnumerable<KeyValuePair<string, string[]>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        values = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, given) in pairs)
        {
            if (InputFields.TryGet(name, out _))
            {
                values[name] = [.. given.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];
            }
        }
    }

    /// <summary>An empty form.</summary>
    public static AssessmentFormData Empty { get; } = new([]);

    /// <summary>The single answer to a field, or an empty string.</summary>
    public string Value(string path) => values.TryGetValue(path, out var v) && v.Length > 0 ? v[0] : string.Empty;

    /// <summary>Every answer to a field (for lists of choices).</summary>
    public IReadOnlyList<string> Values(string path) => values.TryGetValue(path, out var v) ? v : [];

    /// <summary>Whether <paramref name="code"/> is among the answers to a field.</summary>
    public bool Has(string path, string code) => Values(path).Contains(code, StringComparer.Ordinal);

    /// <summary>Returns a copy with one field set (used to fill in what the record already knows).</summary>
    public AssessmentFormData With(string path, params string[] answers) =>
        new(values.Where(p => p.Key != path).Append(new(path, answers)));

    /// <summary>The answers of a current input, as its form would hold them.</summary>
    public static AssessmentFormData FromInput(AssessmentInput input) => FromRecorded(RecordedInput.FromInput(input));

    /// <summary>
    /// The answers of an existing assessment, to edit it as a new version. A question that the record's version did
    /// not ask (a version 1 record has no answer to the version 2 red flags) comes back unanswered, so it must be asked.
    /// </summary>
    public static AssessmentFormData FromRecorded(RecordedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pairs = new List<KeyValuePair<string, string[]>>();
        foreach (var field in InputFields.All)
        {
            if (input.Answer(field.Path) is not { } node)
            {
                continue;
            }

            string[] answers = node.GetValueKind() switch
            {
                JsonValueKind.Array => [.. node.AsArray().Select(e => e?.GetValue<string>() ?? string.Empty)],
                JsonValueKind.True => ["true"],
                JsonValueKind.False => ["false"],
                JsonValueKind.Number => [node.ToJsonString()],
                _ => [node.GetValue<string>()],
            };
            pairs.Add(new(field.Path, answers));
        }

        return new AssessmentFormData(pairs);
    }
}
