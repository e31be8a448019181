using System.Globalization;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;

namespace KneeSpine.Cli.Assess.Report;

/// <summary>
/// The report a person reads: the triage first, so an emergency can never be missed or pushed down,
/// then the alerts, the factors and the plan, each with why and with its sources, then the full
/// citations and the statement that the tool supports, and does not replace, clinical judgement.
/// </summary>
internal sealed class ReportRenderer(KnowledgeBase knowledgeBase, IReportWriter writer)
{
    private ResultCitations? citations;

    public void Render(AssessmentResult result)
    {
        citations = ResultCitations.For(knowledgeBase, result);
        writer.Triage(result.Triage.Level, LevelLabel(result.Triage.Level), result.Triage.Headline);
        RenderAlerts(result);
        RenderFactors(result);
        RenderPlan(result);
        RenderNotes(result);
        RenderDetails(result);
        RenderSources(result);

        writer.Blank();
        if (result.Triage.Level >= TriageLevel.Urgent)
        {
            // Long reports scroll: the last lines on screen repeat what to do now.
            writer.Item($"{LevelLabel(result.Triage.Level)}: {result.Triage.Headline}", result.Triage.Level);
        }

        writer.Line(knowledgeBase.Disclaimer);
    }

    public static string LevelLabel(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "EMERGENCY",
        TriageLevel.Urgent => "URGENT",
        TriageLevel.Soon => "SEE A CLINICIAN SOON",
        _ => "SELF-CARE",
    };

    private void RenderAlerts(AssessmentResult result)
    {
        writer.Heading("Warning signs");
        if (result.Alerts.Count == 0)
        {
            writer.Line("None of the warning signs is present.");
            return;
        }

        foreach (var alert in result.Alerts)
        {
            var title = knowledgeBase.Alerts.TryGet(alert.Id, out var definition) ? definition.Title : alert.Id;
            writer.Item($"{Code<TriageLevel>.ToCode(alert.Level).ToUpperInvariant()}: {title} [{alert.Id}]", alert.Level);
            writer.Paragraph(alert.Explanation);
            Why(alert.TriggeredBy);
            Sources(alert.Sources);
        }
    }

    private void RenderFactors(AssessmentResult result)
    {
        writer.Heading("What may be adding to the back pain (probable contributors, not a diagnosis)");
        if (result.Factors.Count == 0)
        {
            writer.Line("No contributing factor was found in the answers given.");
            return;
        }

        foreach (var factor in result.Factors)
        {
            var title = knowledgeBase.Factors.TryGet(factor.Id, out var definition) ? definition.Title : factor.Id;
            writer.Item($"{title} [{factor.Id}]: {Code<Certainty>.ToCode(factor.Certainty)}");
            writer.Paragraph(factor.Explanation);
            Why(factor.TriggeredBy);
            Sources(factor.Sources);
        }
    }

    private void RenderPlan(AssessmentResult result)
    {
        writer.Heading("Plan");
        for (var i = 0; i < result.Plan.Count; i++)
        {
            var item = result.Plan[i];
            var title = knowledgeBase.PlanItems.TryGet(item.Id, out var definition) ? definition.Title : item.Id;
            writer.Item(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {title} [{item.Id}]"), i == 0 && result.Triage.Level >= TriageLevel.Urgent ? result.Triage.Level : null);
            writer.Paragraph(item.PatientText);
            if (!string.IsNullOrWhiteSpace(item.ClinicianText))
            {
                writer.Detail("For the clinician", item.ClinicianText);
            }

            writer.Detail("Because", string.Join(", ", item.Because));
            Sources(item.Sources);
        }
    }

    private void RenderNotes(AssessmentResult result)
    {
        if (result.Notes.Count == 0)
        {
            return;
        }

        writer.Heading("Notes for the clinician");
        foreach (var note in result.Notes)
        {
            writer.Paragraph(note);
        }
    }

    private void RenderDetails(AssessmentResult result)
    {
        writer.Heading("Details");
        var bmi = result.BodyMassIndex is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "not known (height and weight are both needed)";
        writer.Detail("Days since surgery", result.DaysSinceSurgery.ToString(CultureInfo.InvariantCulture));
        writer.Detail("Back pain now", Code<PainSeverity>.ToCode(result.PainSeverity));
        writer.Detail("Body mass index", bmi);
        if (result.Scores is { } scores)
        {
            // Questionnaire scores never change the triage; each is shown only when all its items were answered.
            Score("PHQ-2 (mood)", scores.Phq2, "of 6; 3 or more is a positive screen, not a diagnosis");
            Score("GAD-2 (worry)", scores.Gad2, "of 6; 3 or more is a positive screen, not a diagnosis");
            Score("Back function", scores.BackFunction, "of 12; higher is more limited; KneeSpine's own items, not a validated score");
        }

        writer.Detail("Knowledge base", result.KnowledgeBaseVersion);
    }

    private void Score(string label, int? score, string scale)
    {
        if (score is { } value)
        {
            writer.Detail(label, string.Create(CultureInfo.InvariantCulture, $"{value} {scale}"));
        }
    }

    private void RenderSources(AssessmentResult result)
    {
        var all = citations!.All;
        if (all.Count == 0)
        {
            return;
        }

        writer.Heading("Sources");
        foreach (var citation in all)
        {
            writer.Detail(citation.Label, citation.TextWithLink);
        }
    }

    /// <summary>Short labels of the sources of one finding; the full references follow under "Sources".</summary>
    private void Sources(IReadOnlyList<string> ids) =>
        writer.Detail("Sources", string.Join("; ", citations!.Of(ids).Select(c => c.Label)));

    /// <summary>The answers that fired a finding, by their clinician labels, so "why" reads without the schema at hand.</summary>
    private void Why(IReadOnlyList<string> triggeredBy)
    {
        if (triggeredBy.Count == 0)
        {
            return;
        }

        var answers = triggeredBy.Select(path => InputFields.TryGet(path, out var field) ? field.Label : path);
        writer.Detail("Why", string.Join("; ", answers));
    }
}
