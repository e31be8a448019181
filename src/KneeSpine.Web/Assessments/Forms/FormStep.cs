namespace KneeSpine.Web.Assessments.Forms;

/// <summary>One step of the stepped questionnaire.</summary>
/// <param name="Title">The step's heading, also shown in the progress list.</param>
/// <param name="Sections">The sections of the input catalogue asked in this step.</param>
public sealed record FormStep(string Title, IReadOnlyList<string> Sections);
