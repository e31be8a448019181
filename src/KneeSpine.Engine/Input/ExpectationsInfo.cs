namespace KneeSpine.Engine.Input;

/// <summary>The <c>expectations</c> section.</summary>
public sealed record ExpectationsInfo
{
    /// <summary><c>expectations.expectsNoPainAtAll</c>.</summary>
    public bool? ExpectsNoPainAtAll { get; init; }

    /// <summary><c>expectations.expectsSurgeryToFixBackPain</c>.</summary>
    public bool? ExpectsSurgeryToFixBackPain { get; init; }

    /// <summary><c>expectations.expectedFullRecoveryWeeks</c>, 0-520.</summary>
    public int? ExpectedFullRecoveryWeeks { get; init; }
}
