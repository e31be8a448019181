namespace KneeSpine.Web.Assessments.Forms;

/// <summary>Headings of the form's sections, for clinicians and for patients.</summary>
public static class FormSections
{
    /// <summary>The heading of a section of <see cref="Engine.Input.InputFields.Sections"/>.</summary>
    public static string Title(string section, bool forPatient) => section switch
    {
        "redFlags" => forPatient ? "Warning signs: please answer every question" : "Red flags (every question must be answered)",
        "assessment" => forPatient ? "Today" : "Assessment",
        "patient" => forPatient ? "About you" : "Patient",
        "surgery" => forPatient ? "Your knee operation" : "Surgery",
        "backPain" => forPatient ? "Your back pain" : "Back pain",
        "knee" => forPatient ? "Your knee" : "Operated knee",
        "activity" => forPatient ? "Moving about" : "Activity and gait",
        "sleep" => forPatient ? "Sleep" : "Sleep",
        "conditions" => forPatient ? "Other health problems" : "Conditions",
        "medications" => forPatient ? "Medicines" : "Medications",
        "expectations" => forPatient ? "What you expect" : "Expectations",
        _ => section,
    };

    /// <summary>A hint under the section heading, when it helps.</summary>
    public static string? Hint(string section, bool forPatient) => section switch
    {
        "redFlags" => forPatient
            ? "These questions find problems that need help quickly. Choose yes or no for each one."
            : "Ask every question. An unanswered red flag is an error, never a \"no\".",
        "conditions" or "medications" => "Tick all that apply. Leave blank if none or not known.",
        _ => forPatient ? "Leave out anything you are not sure about." : null,
    };
}
