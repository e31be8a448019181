using KneeSpine.Engine.Input;
using KneeSpine.Engine.Tests.Readability;
using KneeSpine.Web.Assessments.Forms;
using KneeSpine.Web.Assessments.Results;
using KneeSpine.Web.Charts;
using KneeSpine.Web.Handouts;

namespace KneeSpine.Web.Tests.Readability;

/// <summary>
/// The patient texts the web adds around the knowledge base's (form headings and hints, score labels, "not asked",
/// the version notes, handout lines) meet clinical-rules.md's plain-language target: a Flesch-Kincaid grade of 7 or
/// lower for every block of ten words or more, measured with the engine tests' tested formula and syllable counter.
/// </summary>
public sealed class WebTextReadabilityTests
{
    private const double TargetGrade = 7;

    public static TheoryData<string> PatientTexts() => [.. Texts()];

    private static List<string> Texts()
    {
        var texts = new List<string>
        {
            AssessmentFormReader.RedFlagMissing,
            ScoreLines.NotAsked,
            ScoreLines.Skipped,
            ScoreLines.BackFunctionCaveat,
            ResultView.EarlierVersionPatientNote,
            HandoutFactory.EarlierVersionNote,
            FunctionTrendChart.Caveat,
        };
        texts.AddRange(Enum.GetValues<Engine.Results.TriageLevel>().Select(level => TriageVoice.PastPatientHeadline(level, new DateOnly(2026, 12, 7))));
        texts.AddRange(InputFields.Sections.Select(s => FormSections.Title(s, forPatient: true)));
        texts.AddRange(InputFields.Sections.Select(s => FormSections.Hint(s, forPatient: true)).OfType<string>());
        texts.AddRange(ScoreLines.For(new Engine.Results.AssessmentResult("x", 0, default, null, new(default, ""), [], [], [], []) { Scores = new(4, 1, 6) })
            .Select(s => s.Meaning));
        var form = new AssessmentFormView(AssessmentFormData.Empty, [], ForPatient: true);
        texts.AddRange(InputFields.All.Select(form.Hint).OfType<string>());
        texts.AddRange(InputFields.All.Select(form.SkipLabel));
        // The form's own problem messages and notices, and what the error pages say.
        texts.AddRange(InputFields.All.Select(FormMessages.ForMissing));
        texts.AddRange(InputFields.All.Select(FormMessages.ForInvalid));
        texts.Add(FormMessages.SurgeryInFuture(new DateOnly(2026, 12, 7)));
        texts.Add(FormMessages.AssessedInFuture(new DateOnly(2026, 12, 7)));
        texts.Add(FormMessages.AssessedBeforeSurgery(new DateOnly(2026, 12, 7)));
        texts.Add(FormToken.ExpiredMessage);
        texts.AddRange(new[] { 400, 401, 403, 404, 429, 500, 503 }.Select(status => KneeSpine.Web.Problems.ProblemPage.For(status, null, signedIn: true).Lead));
        texts.Add(KneeSpine.Web.Problems.ProblemPage.For(403, null, signedIn: false).Lead);
        return [.. texts.Distinct(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(PatientTexts))]
    public void A_patient_text_the_web_adds_is_at_grade_7_or_lower(string text)
    {
        var grade = FleschKincaid.Grade(text);

        Assert.True(grade is null or <= TargetGrade, $"Grade {grade:0.0}: {text}");
    }

    [Fact]
    public void The_measured_texts_include_the_long_ones()
    {
        var measured = Texts().Count(t => FleschKincaid.Grade(t) is not null);

        Assert.True(measured >= 8, $"only {measured} texts were long enough to measure");
    }
}
