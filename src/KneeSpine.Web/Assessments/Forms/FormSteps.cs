namespace KneeSpine.Web.Assessments.Forms;

/// <summary>
/// The patient's questionnaire in short steps (ADR-100): about you and your operation, warning signs, your pain,
/// the rest. Each step is a list of sections of the input catalogue; together they hold every section once.
/// </summary>
public static class FormSteps
{
    /// <summary>The steps, in order.</summary>
    public static IReadOnlyList<FormStep> All { get; } =
    [
        new("About you and your operation", ["assessment", "patient", "surgery"]),
        new("Warning signs", ["redFlags"]),
        new("Your pain", ["backPain", "knee"]),
        new("The rest", ["activity", "sleep", "conditions", "medications", "expectations", "psychosocial", "backFunction"]),
    ];

    /// <summary>The step (1-based) a section is asked in.</summary>
    public static int Of(string section) =>
        All.Select((s, i) => (s, i)).First(p => p.s.Sections.Contains(section, StringComparer.Ordinal)).i + 1;

    /// <summary>A posted step number, kept within the steps (anything else starts at the first).</summary>
    public static int Parse(string? posted) =>
        int.TryParse(posted, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var step) && step >= 1 && step <= All.Count ? step : 1;
}
