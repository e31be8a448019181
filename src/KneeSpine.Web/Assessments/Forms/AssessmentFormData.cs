using System.Text.Json;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Assessments;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>
/// The raw answers of an assessment form, keyed by the field's JSON path (the form control's
/// name), exactly as typed, so a form shown again after an error keeps every answer.
/// </summary>
/// <remarks>
/// A date is asked as three boxes (day, month, year; see ADR-101) named <c>path.day</c>, <c>path.month</c> and
/// <c>path.year</c>. They are joined into the ISO date the engine reads; boxes that do not make a real date are
/// joined into text the engine rejects, and each box keeps what was typed.
/// </remarks>
public sealed class AssessmentFormData
{
    private readonly Dictionary<string, string[]> values;
    private readonly Dictionary<string, string> dateParts;

    /// <summary>Creates form data from name/values pairs; names that are not input fields (or their date boxes) are ignored.</summary>
    public AssessmentFormData(IEnumerable<KeyValuePair<string, string[]>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        values = new Dictionary<string, string[]>(StringComparer.Ordinal);
        dateParts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, given) in pairs)
        {
            if (InputFields.TryGet(name, out _))
            {
                values[name] = [.. given.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];
            }
            else if (DateBoxes.IsPartName(name))
            {
                dateParts[name] = given.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? string.Empty;
            }
        }

        foreach (var field in InputFields.All.Where(f => f.Kind == FieldKind.Date))
        {
            if (DateBoxes.Join(field.Path, dateParts) is { } joined)
            {
                values[field.Path] = joined.Length == 0 ? [] : [joined];
            }
        }
    }

    /// <summary>The answers posted with a request's form.</summary>
    public static AssessmentFormData FromForm(Microsoft.AspNetCore.Http.IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form.Select(p => new KeyValuePair<string, string[]>(p.Key, [.. p.Value.OfType<string>()])));
    }

    /// <summary>What a date box shows: what was typed in it, else the part of the stored date.</summary>
    public string DatePart(string path, string part) =>
        dateParts.TryGetValue(DateBoxes.Name(path, part), out var typed) ? typed : DateBoxes.Part(Value(path), part);

    /// <summary>Every answer as name/values pairs, date boxes included (for hidden fields that carry answers between steps).</summary>
    public IEnumerable<KeyValuePair<string, string>> Posted()
    {
        foreach (var field in InputFields.All)
        {
            if (field.Kind == FieldKind.Date)
            {
                foreach (var part in DateBoxes.Parts)
                {
                    yield return new(DateBoxes.Name(field.Path, part), DatePart(field.Path, part));
                }

                continue;
            }

            foreach (var answer in Values(field.Path))
            {
                yield return new(field.Path, answer);
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
