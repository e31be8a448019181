using System.Globalization;
using KneeSpine.Engine.Input;
using KneeSpine.Web.Ui;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>
/// The form's own words for a problem with an answer: short, specific to the question, and free of what only the API
/// needs (JSON paths, codes, the YYYY-MM-DD format). The engine decides <em>whether</em> an answer is wrong; this
/// class says <em>how</em> to put it right, in words that suit the person and the control in front of them.
/// </summary>
public static class FormMessages
{
    /// <summary>Shown beside an unanswered red-flag question.</summary>
    public const string RedFlagMissing = "Choose yes or no. We never take a blank answer as \"no\".";

    /// <summary>An example date, in the format every page uses.</summary>
    public const string DateExample = "for example 7 12 2026";

    private static readonly Dictionary<string, string> Missing = new(StringComparer.Ordinal)
    {
        ["assessedOn"] = "Enter the date of this check.",
        ["patient.ageYears"] = "Enter the age in years.",
        ["surgery.date"] = "Enter the date of the knee operation.",
        ["surgery.anesthesia"] = "Choose the kind of anaesthetic, or \"I am not sure\".",
        ["backPain.intensityNow"] = "Enter a number from 0 to 10 for back pain now.",
    };

    /// <summary>The message for a required question left blank.</summary>
    public static string ForMissing(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Section == "redFlags" ? RedFlagMissing
            : Missing.TryGetValue(field.Path, out var message) ? message
            : field.Kind switch
            {
                FieldKind.Date => "Enter a date.",
                FieldKind.Integer or FieldKind.Decimal => Range(field),
                _ => "Choose an answer.",
            };
    }

    /// <summary>The message for an answer given in a form the question cannot take.</summary>
    public static string ForInvalid(InputField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind switch
        {
            FieldKind.Date => $"Enter a real date. Use numbers, {DateExample}.",
            FieldKind.Integer or FieldKind.Decimal => Range(field),
            FieldKind.Boolean => "Choose yes or no.",
            _ => "Choose one of the answers shown.",
        };
    }

    /// <summary>A surgery date after today.</summary>
    public static string SurgeryInFuture(DateOnly today) =>
        $"That date has not come yet. Today is {DisplayDates.Format(today)}.";

    /// <summary>A check dated after today.</summary>
    public static string AssessedInFuture(DateOnly today) =>
        $"The date of this check must be today or earlier. Today is {DisplayDates.Format(today)}.";

    /// <summary>A check dated before the surgery.</summary>
    public static string AssessedBeforeSurgery(DateOnly surgery) =>
        $"The date of this check must be on or after the day of the knee operation ({DisplayDates.Format(surgery)}).";

    /// <summary>
    /// The line in the error summary: the message itself when it names its question, else the message after a short
    /// name of the question (for patients the warning signs are numbered, their questions being long).
    /// </summary>
    public static string Summary(InputField field, string message, bool forPatient)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Missing.ContainsValue(message) || message.StartsWith("The ", StringComparison.Ordinal))
        {
            return message;
        }

        if (field.Section == "redFlags" && forPatient)
        {
            var flags = InputFields.All.Where(f => f.Section == "redFlags").ToList();
            return $"Warning sign question {flags.IndexOf(field) + 1} of {flags.Count}: {message}";
        }

        var name = forPatient && field.Question.Length <= 60 ? field.Question : field.Label;
        return $"{name} {message}";
    }

    private static string Range(InputField field) =>
        string.Create(CultureInfo.InvariantCulture, $"Enter {(field.Kind == FieldKind.Integer ? "a whole number" : "a number")} from {field.Minimum} to {field.Maximum}.");
}
