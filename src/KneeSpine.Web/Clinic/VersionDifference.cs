using KneeSpine.Engine.Results;
using KneeSpine.Web.Assessments.Results;

namespace KneeSpine.Web.Clinic;

/// <summary>
/// What changed between two versions of one assessment: the answers that differ (in words, as the answers panel shows
/// them), the triage, and which alerts, contributing factors and plan items appeared or went away.
/// </summary>
public sealed record VersionDifference(
    AssessmentSummary From,
    AssessmentSummary To,
    IReadOnlyList<VersionDifference.AnswerChange> Answers,
    TriageLevel TriageBefore,
    TriageLevel TriageAfter,
    IReadOnlyList<VersionDifference.FindingChange> Findings)
{
    public sealed record AnswerChange(string Section, string Question, string Before, string After);

    /// <summary>One alert, factor or plan item that is in only one of the two results.</summary>
    public sealed record FindingChange(string Kind, string Text, bool Appeared);

    public bool TriageChanged => TriageBefore != TriageAfter;

    public bool Unchanged => Answers.Count == 0 && !TriageChanged && Findings.Count == 0;

    public static VersionDifference Between(StoredAssessment from, StoredAssessment to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var before = AnswersOf(from);
        var answers = AnswersOf(to)
            .Where(a => !before.TryGetValue(a.Key, out var old) || old.Answer != a.Value.Answer)
            .Select(a => new AnswerChange(a.Value.Section, a.Value.Label, before.TryGetValue(a.Key, out var old) ? old.Answer : RecordedAnswers.NotAsked, a.Value.Answer))
            .ToList();
        var findings = Compare("Alert", from.Result.Alerts.Select(a => (a.Id, a.Explanation)), to.Result.Alerts.Select(a => (a.Id, a.Explanation)))
            .Concat(Compare("Contributing factor", from.Result.Factors.Select(f => (f.Id, Factor(f))), to.Result.Factors.Select(f => (f.Id, Factor(f)))))
            .Concat(Compare("Plan item", from.Result.Plan.Select(p => (p.Id, p.ClinicianText ?? p.PatientText)), to.Result.Plan.Select(p => (p.Id, p.ClinicianText ?? p.PatientText))))
            .ToList();
        return new VersionDifference(Summary(from), Summary(to), answers, from.Result.Triage.Level, to.Result.Triage.Level, findings);
    }

    private static AssessmentSummary Summary(StoredAssessment assessment) =>
        assessment.Series.Versions.Single(v => v.Id == assessment.Row.Id);

    // A factor whose certainty changed counts as one that went and one that came: "possible" and "likely" read differently.
    private static string Factor(FactorFinding factor) =>
        $"{factor.Explanation} ({Codes(factor.Certainty)})";

    private static string Codes(Certainty certainty) => KneeSpine.Engine.Codes.Code<Certainty>.ToCode(certainty);

    private static Dictionary<string, (string Section, string Label, string Answer)> AnswersOf(StoredAssessment assessment) =>
        RecordedAnswers.For(assessment.Input)
            .SelectMany(section => section.Select(a => (Key: a.Field.Path, Value: (Section: section.Key, a.Field.Label, a.Answer))))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static IEnumerable<FindingChange> Compare(string kind, IEnumerable<(string Id, string Text)> before, IEnumerable<(string Id, string Text)> after)
    {
        var old = before.Select(b => b.Id + "\n" + b.Text).ToList();
        var now = after.Select(a => a.Id + "\n" + a.Text).ToList();
        return old.Except(now, StringComparer.Ordinal).Select(gone => new FindingChange(kind, gone[(gone.IndexOf('\n', StringComparison.Ordinal) + 1)..], Appeared: false))
            .Concat(now.Except(old, StringComparer.Ordinal).Select(came => new FindingChange(kind, came[(came.IndexOf('\n', StringComparison.Ordinal) + 1)..], Appeared: true)));
    }
}
