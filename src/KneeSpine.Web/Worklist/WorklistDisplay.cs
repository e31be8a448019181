using System.Globalization;
using KneeSpine.Store.Worklist;

namespace KneeSpine.Web.Worklist;

/// <summary>How the worklist names actions and durations on the page.</summary>
public static class WorklistDisplay
{
    /// <summary>The action in words, as the acknowledge form offers it.</summary>
    public static string Label(WorklistAction action) => action switch
    {
        WorklistAction.CalledPatient => "Called the patient",
        WorklistAction.AdvisedEmergencyDepartment => "Advised the emergency department",
        WorklistAction.AppointmentBooked => "Booked an appointment",
        WorklistAction.ReviewedNoAction => "Reviewed: no action needed",
        _ => "Other (say what in the note)",
    };

    /// <summary>A duration a clinician reads at a glance: <c>45 min</c>, <c>3 h 20 min</c>, <c>2 days 4 h</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        var c = CultureInfo.InvariantCulture;
        if (span.TotalHours < 1)
        {
            return string.Create(c, $"{(int)span.TotalMinutes} min");
        }

        if (span.TotalDays < 1)
        {
            return span.Minutes == 0 ? string.Create(c, $"{span.Hours} h") : string.Create(c, $"{span.Hours} h {span.Minutes} min");
        }

        var days = (int)span.TotalDays;
        var dayText = days == 1 ? "1 day" : string.Create(c, $"{days} days");
        return span.Hours == 0 ? dayText : string.Create(c, $"{dayText} {span.Hours} h");
    }
}
