using System.Globalization;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Worklist;

namespace KneeSpine.Web.Notifications;

/// <summary>
/// The words of the care team's email. Minimum necessary: the level, when, by when to act and a link; never the
/// patient's name, answers, alerts or any free text, so the email can sit in a shared mailbox or on a phone's lock
/// screen. Whoever follows the link signs in to see the rest.
/// </summary>
public static class CareTeamEmail
{
    public static string Subject(WorklistItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Triage switch
        {
            TriageLevel.Emergency => "EMERGENCY: KneeSpine result needs action now",
            TriageLevel.Urgent => $"URGENT: KneeSpine result to act on by {Time(item.DueBy)}",
            _ => $"KneeSpine result to review by {Time(item.DueBy)}",
        };
    }

    public static string Body(WorklistItem item, string link)
    {
        ArgumentNullException.ThrowIfNull(item);
        var level = Code<TriageLevel>.ToCode(item.Triage);
        var patientWasTold = item.Triage == TriageLevel.Emergency
            ? "The patient was told to call emergency services or go to the emergency department now. This email does not replace that call."
            : "The patient was told what to do on their result page.";
        return $"""
            A patient's KneeSpine check needs the care team.

            Level: {level}
            Result recorded: {Time(item.OpenedAt)}
            Act by: {Time(item.DueBy)}{(item.Triage == TriageLevel.Emergency ? " (at once)" : "")}
            Open the worklist item: {link}

            {patientWasTold}
            This email holds no patient details on purpose: sign in to see them. KneeSpine supports, and does not replace, clinical judgement.
            """;
    }

    private static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
