using KneeSpine.Engine.Results;
using KneeSpine.Web.ClinicIdentity;
using KneeSpine.Web.Triage;

namespace KneeSpine.Web.Assessments.Results;

/// <summary>
/// The banner's words for the reader. Patients keep the knowledge base's headline (its action must stay); clinicians
/// get a clinician's instruction. A result from an earlier day is told to a patient as past ("On 7 December you
/// reported ...") so an old emergency never reads as happening now, but its advice for signs that remain stays.
/// "Earlier day" is the clinic's calendar (docs/clinical-safety.md, "When a result is past").
/// </summary>
public static class TriageVoice
{
    /// <summary>The clinician's headline for each level.</summary>
    public static string ClinicianHeadline(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "Emergency: advise the patient to call emergency services or attend the emergency department now",
        TriageLevel.Urgent => "Urgent: the patient needs an assessment by the surgical team or a doctor today",
        TriageLevel.Soon => "Soon: arrange a review by the surgeon, a doctor or a physical therapist within two weeks",
        _ => "No warning signs: self-care plan; discuss the back pain at the next routine visit",
    };

    /// <summary>A patient's headline for a result of an earlier day.</summary>
    public static string PastPatientHeadline(TriageLevel level, DateOnly on)
    {
        var day = ClinicTimeFormat.LongDate(on);
        return level switch
        {
            TriageLevel.Emergency => $"On {day} you reported signs that needed emergency care. If you still have any of these signs, get help now.",
            TriageLevel.Urgent => $"On {day} your answers showed you should contact your care team that day. If you still have these signs, contact your surgeon's team or a doctor today.",
            TriageLevel.Soon => $"On {day} your answers showed you need a visit within two weeks. See your surgeon, doctor or physical therapist. If you have not booked it, book it now.",
            _ => $"On {day} no warning signs were found. Keep following your plan.",
        };
    }

    /// <summary>The banner text for a result view.</summary>
    public static TriageBannerText For(ResultView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var level = view.Result.Triage.Level;
        var past = view.IsPast;
        var on = view.RecordedOn;
        if (!view.ForPatient)
        {
            var when = on is { } d ? $"Answers of {ClinicTimeFormat.LongDate(d)}" : null;
            return new TriageBannerText(TriageDisplay.Label(level), when, ClinicianHeadline(level), past);
        }

        var provenance = on is not { } date ? null : view.Author switch
        {
            ResultAuthor.CareTeam => $"Recorded by your care team on {ClinicTimeFormat.LongDate(date)}",
            _ => $"Your answers on {ClinicTimeFormat.LongDate(date)}",
        };
        return past && on is { } earlier
            ? new TriageBannerText(PastLabel(level), provenance, PastPatientHeadline(level, earlier), IsPast: true)
            : new TriageBannerText(TriageDisplay.Label(level), provenance, view.Result.Triage.Headline, IsPast: false);
    }

    private static string PastLabel(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "Earlier result: emergency",
        TriageLevel.Urgent => "Earlier result: urgent",
        TriageLevel.Soon => "Earlier result: soon",
        _ => "Earlier result: no warning signs",
    };
}
