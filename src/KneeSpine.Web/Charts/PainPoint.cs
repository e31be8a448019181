using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Charts;

/// <summary>One assessment's pain scores, placed in time by days since surgery.</summary>
/// <param name="AssessedOn">Date of the assessment.</param>
/// <param name="DaysSinceSurgery">Days from the surgery to the assessment (never negative).</param>
/// <param name="BackPain">Back pain now.</param>
/// <param name="KneePain">Operated-knee pain now, when it was asked.</param>
public sealed record PainPoint(DateOnly AssessedOn, int DaysSinceSurgery, PainScore BackPain, PainScore? KneePain);
