using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Knowledge;

/// <summary>One sign on a list of the printed handout, in the patient's words.</summary>
/// <param name="Alerts">The alerts that fire on this sign (empty for general advice that no question covers).</param>
/// <param name="Text">The sign, in plain language.</param>
/// <param name="ShowWhen">
/// <see langword="null"/> when the item is on every handout; otherwise the name of the condition on the
/// patient's answers that puts it there (<see cref="CancerHistory"/>, <see cref="InfectionHardToSpot"/>).
/// </param>
public sealed record HandoutItem(IReadOnlyList<string> Alerts, string Text, string? ShowWhen)
{
    /// <summary>Shown when <c>cancer-history</c> is in <c>conditions</c> (A9's cancer arm).</summary>
    public const string CancerHistory = "cancer-history";

    /// <summary>Shown when <c>diabetes</c> or <c>immunosuppression</c> is in <c>conditions</c> or <c>medications.longTermSteroids</c> is true.</summary>
    public const string InfectionHardToSpot = "infection-hard-to-spot";

    /// <summary>The condition names an item may use.</summary>
    public static IReadOnlyList<string> Conditions { get; } = [CancerHistory, InfectionHardToSpot];

    /// <summary>Whether the item belongs on the handout of a patient with these answers.</summary>
    /// <param name="input">The answers of the assessment the handout is for; <see langword="null"/> when unknown (then only the items for everyone).</param>
    public bool AppliesTo(AssessmentInput? input) => ShowWhen switch
    {
        null => true,
        CancerHistory => input?.Conditions?.Contains(Condition.CancerHistory) == true,
        InfectionHardToSpot => input is not null
            && (input.Conditions?.Contains(Condition.Diabetes) == true
                || input.Conditions?.Contains(Condition.Immunosuppression) == true
                || input.Medications?.LongTermSteroids == true),
        _ => false,
    };
}
