namespace KneeSpine.Engine.Tests.Input;

/// <summary>Messages the tests compare in full.</summary>
internal static class InputMessagesText
{
    public const string Empty = "The input is empty: expected one JSON object describing the assessment.";
}
