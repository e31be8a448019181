namespace KneeSpine.Web.Demo;

/// <summary>
/// The synthetic cohort's distributions, one constant each, with where it comes from (docs/cohort.md gives the full
/// references). Spec source ids are those of <c>spec/clinical-rules.md</c>; "assumption" marks a figure with no source.
/// </summary>
internal static class CohortDistributions
{
    /// <summary>Share female among primary knee replacements (NJR 20th annual report 2023: about 57%; AJRR 2023: about 60%).</summary>
    public const double Female = 0.58;

    /// <summary>Age at surgery: normal, mean and SD in years, cut to 40-95 (NJR and AJRR: mean age about 68-69).</summary>
    public const double AgeMean = 68, AgeSd = 9, AgeMin = 40, AgeMax = 95;

    /// <summary>Anaesthesia mix (Memtsoudis 2013, US knee replacement: general alone about 75%, neuraxial about 25% with or without general).</summary>
    public static readonly (Engine.Input.Anesthesia Value, double Share)[] AnesthesiaMix =
    [
        (Engine.Input.Anesthesia.General, 0.72),
        (Engine.Input.Anesthesia.Spinal, 0.16),
        (Engine.Input.Anesthesia.CombinedSpinalEpidural, 0.06),
        (Engine.Input.Anesthesia.Epidural, 0.04),
        (Engine.Input.Anesthesia.Unknown, 0.02),
    ];

    /// <summary>Procedure (AJRR 2023: partial knee replacements and revisions each about 5-7% of knee procedures).</summary>
    public static readonly (Engine.Input.SurgeryProcedure Value, double Share)[] ProcedureMix =
    [
        (Engine.Input.SurgeryProcedure.Total, 0.89),
        (Engine.Input.SurgeryProcedure.Partial, 0.05),
        (Engine.Input.SurgeryProcedure.Revision, 0.06),
    ];

    /// <summary>Side (assumption: right slightly more often; same-day bilateral about 3%).</summary>
    public static readonly (Engine.Input.SurgerySide Value, double Share)[] SideMix =
    [
        (Engine.Input.SurgerySide.Right, 0.52),
        (Engine.Input.SurgerySide.Left, 0.45),
        (Engine.Input.SurgerySide.Both, 0.03),
    ];

    /// <summary>Moderate or worse back pain before surgery (staibano-2014: about 16% of knee patients); these keep it (schwabe-2001).</summary>
    public const double ChronicBackPainBefore = 0.16;

    /// <summary>Occasional back pain before surgery (assumption).</summary>
    public const double OccasionalBackPainBefore = 0.25;

    /// <summary>
    /// New back pain after a neuraxial anaesthetic at weeks 1, 4 and 8 (joudi-2014: 39%, 12%, 3%), and after general
    /// anaesthesia (32%, 3%, 0%); between those weeks the share is interpolated.
    /// </summary>
    public static readonly double[] NewPainNeuraxial = [0.39, 0.12, 0.03], NewPainGeneral = [0.32, 0.03, 0.0];

    /// <summary>Check-ins answered (assumption: fewer as time passes): days 14, 42 and 90.</summary>
    public static readonly double[] CheckInAnswered = [0.85, 0.75, 0.65];

    /// <summary>An extra early assessment in the first 10 days (assumption).</summary>
    public const double EarlyAssessment = 0.3;

    /// <summary>Questionnaires (PHQ-2, GAD-2, back function) answered on an assessment (assumption).</summary>
    public const double QuestionnairesAnswered = 0.7;

    /// <summary>
    /// Per assessment in the first 6 weeks: calf swelling or pain (vte-denmark: 1.2% admitted with a clot within 90 days),
    /// fever or wound discharge (scheper-2023: wound problems common early, infection 1.6%; here 0.5% each).
    /// </summary>
    public const double CalfSwelling = 0.006, Fever = 0.005, WoundDischarge = 0.005;

    /// <summary>Per assessment: new bladder or bowel problem with saddle numbness, the cauda equina picture (moen-2004, pumberger-2013: rare, of the order of 1 in 10,000 neuraxial blocks or fewer; here 1 in 5,000 assessments so a big cohort shows some).</summary>
    public const double CaudaEquina = 0.0002;
}
