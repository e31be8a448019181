using System.Globalization;

namespace KneeSpine.Web.FollowUps;

/// <summary>The next check-in in words: short for the clinic, plain (reading grade 7 or lower) for the patient.</summary>
public static class FollowUpText
{
    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Short(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string ForClinic(NextFollowUp? next, bool hasSurgeryDate) => next switch
    {
        null when !hasSurgeryDate => "Set by the first assessment (it records the surgery date)",
        null => "All check-ins done",
        { Overdue: true } => $"Day {next.Day} check-in overdue: due {Short(next.DueOn)} ({Days(next.DaysOverdue)} ago)",
        _ when next.DueOn == next.AsOf => $"Day {next.Day} check-in due today",
        _ => $"Day {next.Day} check-in due {Short(next.DueOn)}",
    };

    /// <summary>Null when there is nothing to say yet (no surgery date: the patient has not answered once).</summary>
    public static string? ForPatient(NextFollowUp? next, bool hasSurgeryDate) => next switch
    {
        null when !hasSurgeryDate => null,
        null => "You have done all your check-ins. Thank you.",
        { Overdue: true } => $"Your check-in was due on {Long(next.DueOn)}. Please answer the questions now.",
        _ when next.DueOn == next.AsOf => "Your check-in is due today. Please answer the questions.",
        _ => $"Your next check-in is on {Long(next.DueOn)}. We will ask you to answer the questions then.",
    };

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
