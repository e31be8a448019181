namespace KneeSpine.Engine.Input;

/// <summary>
/// The <c>redFlags</c> section (specification version 2: fourteen questions, in the order of the
/// red-flag table). Every answer is required: an unanswered red-flag question is invalid input,
/// never a "no", so these are plain booleans. Each answer covers the period its question names.
/// </summary>
/// <param name="NewBladderOrBowelProblem">Since the back pain started: a new bladder or bowel problem (A1).</param>
/// <param name="NumbnessInSaddleArea">Since the back pain started: less feeling around the bottom, between the legs or in the genitals (A1).</param>
/// <param name="SciaticaBothLegs">Since the back pain started: new pain, numbness or tingling down both legs, below the knees (A1).</param>
/// <param name="LegWeaknessOrNumbnessGettingWorse">Over the last few days: leg or foot weakness or numbness getting worse, or a thigh getting weaker (A2).</param>
/// <param name="NewLegWeaknessOrNumbness">Since the operation: cannot lift the foot or toes as usual, or numbness spreading from the back into the foot (A14).</param>
/// <param name="SuddenSevereBackPain">In the last 7 days: bad back pain that came on suddenly, or back pain that suddenly got much worse (A3, A7, A10).</param>
/// <param name="ChestPainOrShortnessOfBreath">In the last 2 days: sudden shortness of breath or new chest pain (A4).</param>
/// <param name="CoughingBloodOrFainting">In the last 2 days: coughing up blood, or fainting (A4).</param>
/// <param name="FeverOrChills">In the last 2 days: a temperature of 38 °C or more, or chills with shaking (A5).</param>
/// <param name="WoundRednessOrDischarge">Now: spreading redness around the knee wound, a wound that opened, or fluid or pus leaking (A6).</param>
/// <param name="RecentFallOrInjury">In the last 2 weeks: a fall or a back injury (A7).</param>
/// <param name="CalfSwellingOrPain">Now: a calf newly swollen, hard or painful, leg swelling getting worse, or the other calf swollen or painful (A8).</param>
/// <param name="UnexplainedWeightLoss">In the last 3 months: weight lost without trying (more than 5 kg or 5%) (A9).</param>
/// <param name="SeverePainNotEasedByRestOrPosition">Now: back pain so bad that rest and changing position do not ease it at all (A3, A10).</param>
public sealed record RedFlagAnswers(
    bool NewBladderOrBowelProblem,
    bool NumbnessInSaddleArea,
    bool SciaticaBothLegs,
    bool LegWeaknessOrNumbnessGettingWorse,
    bool NewLegWeaknessOrNumbness,
    bool SuddenSevereBackPain,
    bool ChestPainOrShortnessOfBreath,
    bool CoughingBloodOrFainting,
    bool FeverOrChills,
    bool WoundRednessOrDischarge,
    bool RecentFallOrInjury,
    bool CalfSwellingOrPain,
    bool UnexplainedWeightLoss,
    bool SeverePainNotEasedByRestOrPosition);
