using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Web.Handouts;

namespace KneeSpine.Web.Assessments.Results;

/// <summary>What the result partial shows: the engine's result with the knowledge base's titles and citations.</summary>
/// <param name="Result">The evaluated assessment.</param>
/// <param name="KnowledgeBase">Titles and sources, of the version that made the result.</param>
/// <param name="ForPatient">Patients see plain text only; clinicians also see clinician notes and what triggered each finding.</param>
/// <param name="HandoutUrl">Where to download the PDF handout, when it can be downloaded.</param>
public sealed record ResultView(AssessmentResult Result, KnowledgeBase KnowledgeBase, bool ForPatient, string? HandoutUrl)
{
    private static readonly string[] ScreeningSourceIds = ["kroenke-2003", "kroenke-2007"];
    private ResultCitations? citations;

    /// <summary>Whether the result is an emergency (shown before anything else).</summary>
    public bool IsEmergency => Result.Triage.Level == TriageLevel.Emergency;

    /// <summary>The day the answers describe (null for the public check, which is always today).</summary>
    public DateOnly? RecordedOn { get; init; }

    /// <summary>Who recorded the answers.</summary>
    public ResultAuthor Author { get; init; } = ResultAuthor.JustNow;

    /// <summary>Today on the clinic's calendar, to tell a past result from today's.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>Whether the answers are from an earlier day than today (in the clinic's time zone).</summary>
    public bool IsPast => RecordedOn is { } on && Today is { } today && on < today;

    /// <summary>A current emergency: the one thing that must not be softened.</summary>
    public bool IsCurrentEmergency => IsEmergency && !IsPast;

    /// <summary>The first plan items, in the knowledge base's order of priority: what to do next.</summary>
    public IReadOnlyList<PlanItem> NextSteps => [.. Result.Plan.Take(MaxNextSteps)];

    /// <summary>How many plan items the summary lists as next steps.</summary>
    public const int MaxNextSteps = 3;

    /// <summary>The contributing factors, "likely" before "possible", otherwise in the knowledge base's order.</summary>
    public IReadOnlyList<FactorFinding> FactorsByCertainty => [.. Result.Factors.OrderBy(f => f.Certainty == Certainty.Likely ? 0 : 1)];

    /// <summary>The first sentence of a text, for one-line summaries.</summary>
    public static string FirstSentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }

    /// <summary>
    /// The line under a next step's title: the text's first sentence, or null when that sentence only repeats the
    /// title ("Walk a little more each week" over "Walk a little more each week.").
    /// </summary>
    public static string? StepSummary(string title, string text)
    {
        ArgumentNullException.ThrowIfNull(title);
        var sentence = FirstSentence(text);
        return string.Equals(sentence.Trim().TrimEnd('.'), title.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase) ? null : sentence;
    }

    /// <summary>Whether the result was produced under an earlier version of the rules (shown as it was, never re-evaluated).</summary>
    public bool IsEarlierVersion => Result.SchemaVersion < AssessmentResult.CurrentSchemaVersion;

    /// <summary>What a patient reads under the version label of a result kept from earlier rules.</summary>
    public const string EarlierVersionPatientNote = "This check used an older set of questions. It is shown just as it was then.";

    /// <summary>The label of a result kept from an earlier version, e.g. "Assessed with rules version 2026.11".</summary>
    public string VersionLabel => $"Assessed with rules version {Result.KnowledgeBaseVersion}";

    /// <summary>The questionnaire scores in words; empty for a version 1 result (see <see cref="ScoreLines.NotAsked"/>).</summary>
    public IReadOnlyList<ScoreLine> Scores => ScoreLines.For(Result);

    /// <summary>The two lists of warning signs (ambulance now; care team today), as on the handout.</summary>
    public IReadOnlyList<HandoutSignList> SignLists { get; init; } = HandoutSigns.For(null);

    /// <summary>Every source cited, numbered in order of first citation, as readable citations (never ids).</summary>
    public ResultCitations Citations => citations ??= ResultCitations.For(KnowledgeBase, Result);

    /// <summary>Short labels of the papers that define the PHQ-2 and GAD-2 cut-offs, e.g. "Kroenke et al. 2003; Kroenke et al. 2007".</summary>
    public string ScreeningSources => string.Join("; ", ScreeningSourceIds
        .Where(id => KnowledgeBase.Sources.Contains(id))
        .Select(id => CitationFormatter.Label(KnowledgeBase.Sources[id])));

    /// <summary>Title of an alert.</summary>
    public string AlertTitle(string id) => KnowledgeBase.Alerts.TryGet(id, out var a) ? a.Title : id;

    /// <summary>Clinician note of an alert, when any.</summary>
    public string? AlertClinicianText(string id) => KnowledgeBase.Alerts.TryGet(id, out var a) ? a.ClinicianText : null;

    /// <summary>Title of a factor.</summary>
    public string FactorTitle(string id) => KnowledgeBase.Factors.TryGet(id, out var f) ? f.Title : id;

    /// <summary>Title of a plan item.</summary>
    public string PlanTitle(string id) => KnowledgeBase.PlanItems.TryGet(id, out var p) ? p.Title : id;

    /// <summary>Text of a clinician note.</summary>
    public string NoteText(string id) => KnowledgeBase.Notes.TryGet(id, out var n) ? n.Text : id;

    /// <summary>Clinician labels of the answers that fired a finding.</summary>
    public static string TriggeredBy(IEnumerable<string> paths) =>
        string.Join("; ", paths.Select(p => InputFields.TryGet(p, out var f) ? f.Label : p));

    /// <summary>The spec code of a level, e.g. <c>self-care</c>.</summary>
    public static string Code(TriageLevel level) => Code<TriageLevel>.ToCode(level);
}
