using KneeSpine.Engine.Results;

namespace KneeSpine.Web.Assessments.Results;

/// <summary>
/// The questionnaire scores of a result in words: PHQ-2 and GAD-2 of 3 or more are a positive screen, not a
/// diagnosis; the back-function score is KneeSpine's own, not validated, and has no "important change".
/// </summary>
public static class ScoreLines
{
    /// <summary>The screening cut-off of PHQ-2 and GAD-2 (clinical-rules.md, F11).</summary>
    public const int ScreenCutOff = 3;

    /// <summary>Said wherever the back-function score is shown.</summary>
    public const string BackFunctionCaveat = "These are KneeSpine's own questions. They are not a tested scale, so a small change may mean nothing.";

    /// <summary>Shown instead of scores for a result of a version that did not ask the questionnaires.</summary>
    public const string NotAsked = "Not asked: these questions were added after this check was done.";

    /// <summary>Shown when the questionnaires were offered but skipped.</summary>
    public const string Skipped = "Not answered. These questions can be skipped.";

    /// <summary>The lines to show; empty when the result has no scores (a version 1 result).</summary>
    public static IReadOnlyList<ScoreLine> For(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Scores is not { } scores)
        {
            return [];
        }

        return
        [
            Screen("phq2", "Low mood (PHQ-2)", scores.Phq2),
            Screen("gad2", "Worry (GAD-2)", scores.Gad2),
            new ScoreLine("back-function", "Back function (KneeSpine's own questions)", scores.BackFunction, 12,
                scores.BackFunction is null ? Skipped : "0 means no trouble and 12 means the most trouble. " + BackFunctionCaveat),
        ];
    }

    private static ScoreLine Screen(string id, string name, int? value) => new(id, name, value, 6, value switch
    {
        null => Skipped,
        >= ScreenCutOff => "Positive screen, not a diagnosis. Talk to your care team about how you feel.",
        _ => "Below the screening level of 3.",
    });
}
