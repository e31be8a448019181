namespace KneeSpine.Engine.Input;

/// <summary>The <c>knee</c> section.</summary>
public sealed record KneeInfo
{
    /// <summary><c>knee.painNow</c>: operated-knee pain now.</summary>
    public PainScore? PainNow { get; init; }

    /// <summary><c>knee.painBeforeSurgery</c>.</summary>
    public PainScore? PainBeforeSurgery { get; init; }
}
