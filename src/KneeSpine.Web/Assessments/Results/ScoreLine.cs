namespace KneeSpine.Web.Assessments.Results;

/// <summary>One questionnaire score as the result page shows it.</summary>
/// <param name="Id">Element id suffix (<c>phq2</c>, <c>gad2</c>, <c>back-function</c>).</param>
/// <param name="Name">What the score is, plain words first.</param>
/// <param name="Value">The score, or <see langword="null"/> when not every item was answered.</param>
/// <param name="Maximum">The highest possible score.</param>
/// <param name="Meaning">What the value means (never a diagnosis, never an "important change").</param>
public sealed record ScoreLine(string Id, string Name, int? Value, int Maximum, string Meaning);
