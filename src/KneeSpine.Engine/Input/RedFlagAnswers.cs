namespace KneeSpine.Engine.Input;

/// <summary>
/// The <c>redFlags</c> section. Every answer is required: an unanswered red-flag question is
/// invalid input, never a "no", so these are plain booleans.
/// </summary>
/// <param name="NewBladderOrBowelProblem">New trouble passing urine, or new loss of bladder or bowel control.</param>
/// <param name="NumbnessInSaddleArea">New numbness around the genitals, buttocks or inner thighs.</param>
/// <param name="LegWeaknessOrNumbnessGettingWorse">Leg weakness or numbness that is getting worse.</param>
/// <param name="FeverOrChills">Fever or chills.</param>
/// <param name="WoundRednessOrDischarge">Redness of, or discharge from, the knee wound.</param>
/// <param name="RecentFallOrInjury">A recent fall or injury.</param>
/// <param name="UnexplainedWeightLoss">Weight loss without a reason.</param>
/// <param name="ChestPainOrShortnessOfBreath">Chest pain or shortness of breath.</param>
/// <param name="CalfSwellingOrPain">Calf swelling or pain.</param>
/// <param name="SeverePainNotEasedByRestOrPosition">Severe pain that rest or a change of position does not ease.</param>
public sealed record RedFlagAnswers(
    bool NewBladderOrBowelProblem,
    bool NumbnessInSaddleArea,
    bool LegWeaknessOrNumbnessGettingWorse,
    bool FeverOrChills,
    bool WoundRednessOrDischarge,
    bool RecentFallOrInjury,
    bool UnexplainedWeightLoss,
    bool ChestPainOrShortnessOfBreath,
    bool CalfSwellingOrPain,
    bool SeverePainNotEasedByRestOrPosition);
