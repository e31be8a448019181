namespace KneeSpine.Engine.Input;

/// <summary>
/// The optional <c>backFunction</c> section: KneeSpine's own four items (not a validated
/// instrument), each 0 = no trouble, 1 = a little, 2 = a lot, 3 = could not do it, because of the
/// back, in the last week. The score never enters the triage, alerts, factors or plan.
/// </summary>
public sealed record BackFunctionInfo
{
    /// <summary><c>backFunction.standingUpFromChair</c>, 0-3.</summary>
    public int? StandingUpFromChair { get; init; }

    /// <summary><c>backFunction.walking15Minutes</c>, 0-3.</summary>
    public int? Walking15Minutes { get; init; }

    /// <summary><c>backFunction.puttingOnSocksAndShoes</c>, 0-3.</summary>
    public int? PuttingOnSocksAndShoes { get; init; }

    /// <summary><c>backFunction.lightHouseholdJobs</c>, 0-3.</summary>
    public int? LightHouseholdJobs { get; init; }
}
