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
        "psychosocial" => forPatient ? "Mood and worry (you may skip this part)" : "Mood and worry: PHQ-2, GAD-2 and fear of movement (optional)",
        "backFunction" => forPatient ? "Back function (you may skip this part)" : "Back function: KneeSpine's own items, not validated (optional)",
        _ => section,
    };

    /// <summary>A hint under the section heading, when it helps.</summary>
    public static string? Hint(string section, bool forPatient) => section switch
    {
        "redFlags" => forPatient
            ? "These questions find problems that need help quickly. Choose yes or no for each one."
            : "Ask every question. An unanswered red flag is an error, never a \"no\".",
        "conditions" or "medications" => "Tick all that apply. Leave blank if none or not known.",
        "psychosocial" => forPatient
            ? "These questions ask about your mood. You do not have to answer them. Your answers help your care team support you."
            : "Optional. PHQ-2 and GAD-2 with their own wording and scale; 3 or more is a positive screen, not a diagnosis. The last item is KneeSpine's own.",
        "backFunction" => forPatient
            ? "These questions ask what your back stops you from doing. You do not have to answer them. They help your care team see how you are doing over time."
            : "Optional. KneeSpine's own four items (score 0-12, higher is more limited). Not a validated scale; no important change is defined. Never used for triage.",
        // Only where every question may be skipped: a section with a required question must not invite leaving it out.
        _ when !AssessmentFormView.SectionIsOptional(section) => null,
        _ => forPatient ? "Leave out anything you are not sure about." : "Optional.",
    };
}
