using System.Text;
using Hl7.Fhir.Model.CdsHooks;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Terminology;

namespace KneeSpine.Fhir.CdsHooks;

/// <summary>Builds the CDS Hooks 2.0 cards of an evaluated assessment.</summary>
/// <remarks>
/// One card per result. The indicator follows the triage level (<c>critical</c> for emergency, <c>warning</c>
/// for urgent and soon, <c>info</c> for self-care); the summary leads with the level and the action; the
/// Markdown detail gives the warning signs first, then the factors and the plan, so nothing pushes the
/// emergency action out of sight.
/// </remarks>
/// <param name="knowledgeBase">The knowledge base whose titles label alerts, factors and plan items.</param>
public sealed class CdsCardBuilder(KnowledgeBase knowledgeBase)
{
    /// <summary>CDS Hooks asks for a summary under 140 characters.</summary>
    public const int MaxSummaryLength = 139;

    private static readonly Lazy<CdsCardBuilder> DefaultBuilder = new(() => new CdsCardBuilder(KnowledgeBase.Default));

    private readonly KnowledgeText text = new(knowledgeBase);

    /// <summary>A builder over <see cref="KnowledgeBase.Default"/>.</summary>
    public static CdsCardBuilder Default => DefaultBuilder.Value;

    /// <summary>The service response for <paramref name="result"/>.</summary>
    /// <param name="result">The latest evaluation.</param>
    /// <param name="patientLink">The patient's page in KneeSpine.</param>
    /// <param name="smartLaunch">KneeSpine's SMART launch URL, when EHRs are set up to launch it (the EHR adds iss and launch).</param>
    public Response BuildResponse(AssessmentResult result, Uri patientLink, Uri? smartLaunch = null) =>
        new() { Cards = [BuildCard(result, patientLink, smartLaunch)] };

    /// <summary>The card for <paramref name="result"/>.</summary>
    /// <param name="result">The latest evaluation.</param>
    /// <param name="patientLink">The patient's page in KneeSpine.</param>
    /// <param name="smartLaunch">KneeSpine's SMART launch URL, when EHRs are set up to launch it (the EHR adds iss and launch).</param>
    public Card BuildCard(AssessmentResult result, Uri patientLink, Uri? smartLaunch = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(patientLink);
        // A stored result of earlier rules is labelled with that knowledge base's titles, never relabelled.
        if (KnowledgeBase.For(result) is var own && own.Version == result.KnowledgeBaseVersion && own.Version != knowledgeBase.Version)
        {
            return new CdsCardBuilder(own).BuildCard(result, patientLink, smartLaunch);
        }

        return new Card
        {
            Summary = Summary(result),
            Indicator = Indicator(result.Triage.Level),
            Detail = Detail(result),
            Source = new Source { Label = "KneeSpine knowledge base " + result.KnowledgeBaseVersion },
            Links = smartLaunch is null
                ? [new Link { Label = "Open the assessment in KneeSpine", Url = patientLink, Type = "absolute" }]
                :
                [
                    new Link { Label = "Open the assessment in KneeSpine", Url = patientLink, Type = "absolute" },
                    // CDS Hooks: the EHR launches a smart link with its own iss and launch, so the clinician arrives signed in on the patient.
                    new Link { Label = "Open KneeSpine for this patient (SMART)", Url = smartLaunch, Type = "smart" },
                ],
        };
    }

    /// <summary>The CDS Hooks indicator for a triage level.</summary>
    public static string Indicator(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "critical",
        TriageLevel.Urgent or TriageLevel.Soon => "warning",
        _ => "info",
    };

    private string Summary(AssessmentResult result)
    {
        var level = LevelLabel(result.Triage.Level);
        var headline = result.Triage.Headline;
        var candidates = new List<string>();
        if (result.Alerts.Count > 0)
        {
            candidates.Add($"{level}: {text.AlertTitle(result.Alerts[0].Id)}. {headline}");
        }

        candidates.Add($"{level}: {headline}");
        var summary = candidates.FirstOrDefault(c => c.Length <= MaxSummaryLength) ?? candidates[^1];
        return summary.Length <= MaxSummaryLength ? summary : string.Concat(summary.AsSpan(0, MaxSummaryLength - 1), "…");
    }

    private string Detail(AssessmentResult result)
    {
        var markdown = new StringBuilder();
        markdown.Append("**").Append(LevelLabel(result.Triage.Level)).Append(":** ").AppendMarkdownText(result.Triage.Headline).Append("\n\n");
        if (result.Alerts.Count > 0)
        {
            markdown.Append("**Warning signs**\n\n");
            foreach (var alert in result.Alerts)
            {
                markdown.Append("- **").AppendMarkdownText(text.AlertTitle(alert.Id)).Append("** (")
                    .Append(SpecCodes.Of(alert.Level)).Append("): ").AppendMarkdownText(alert.Explanation).Append('\n')
                    .Append("  - *Clinician note:* ").AppendMarkdownText(text.AlertClinicianText(alert.Id)).Append('\n');
            }

            markdown.Append('\n');
        }

        if (result.Factors.Count > 0)
        {
            markdown.Append("**Contributing factors**\n\n");
            foreach (var factor in result.Factors)
            {
                markdown.Append("- **").AppendMarkdownText(text.FactorTitle(factor.Id)).Append("** (")
                    .Append(SpecCodes.Of(factor.Certainty)).Append("): ").AppendMarkdownText(factor.Explanation).Append('\n');
            }

            markdown.Append('\n');
        }

        markdown.Append("**Plan**\n\n");
        var number = 1;
        foreach (var item in result.Plan)
        {
            markdown.Append(number++).Append(". **").AppendMarkdownText(text.PlanItemTitle(item.Id)).Append("**: ").AppendMarkdownText(item.PatientText).Append('\n');
            if (item.ClinicianText is { } note)
            {
                markdown.Append("   - *Clinician note:* ").AppendMarkdownText(note).Append('\n');
            }
        }

        markdown.Append('\n').AppendMarkdownText(text.Disclaimer);
        return markdown.ToString();
    }

    private static string LevelLabel(TriageLevel level) => CodeDisplay.For(SpecCodes.Of(level));
}
