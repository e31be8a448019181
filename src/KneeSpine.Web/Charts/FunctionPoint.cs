namespace KneeSpine.Web.Charts;

/// <summary>One assessment's back-function score (KneeSpine's own items, 0-12, not validated), placed in time.</summary>
/// <param name="AssessedOn">Date of the assessment.</param>
/// <param name="DaysSinceSurgery">Days from the surgery to the assessment.</param>
/// <param name="Score">The score, 0-12, higher is more limited.</param>
public sealed record FunctionPoint(DateOnly AssessedOn, int DaysSinceSurgery, int Score);
