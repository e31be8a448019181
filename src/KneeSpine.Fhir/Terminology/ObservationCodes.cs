using Hl7.Fhir.Model;

namespace KneeSpine.Fhir.Terminology;

/// <summary>The codes of <see cref="KneeSpineCodeSystems.ObservationCode"/>, with their displays, in one place.</summary>
public static class ObservationCodes
{
    /// <summary>The RiskAssessment's code: the triage of back pain after knee replacement.</summary>
    public static Coding BackPainTriage => Of("back-pain-triage", "Back pain after knee replacement: triage");

    /// <summary>Back pain now, 0-10 (paired with LOINC 72514-3).</summary>
    public static Coding BackPainNow => Of("back-pain-now", "Back pain now (0-10)");

    /// <summary>Operated-knee pain now, 0-10 (paired with LOINC 72514-3).</summary>
    public static Coding KneePainNow => Of("knee-pain-now", "Operated-knee pain now (0-10)");

    /// <summary>A contributing factor; the value is the factor's code.</summary>
    public static Coding ContributingFactor => Of("contributing-factor", "Contributing factor to back pain");

    /// <summary>Component of a factor Observation: how probable the factor is.</summary>
    public static Coding FactorCertainty => Of("factor-certainty", "Certainty of the contributing factor");

    /// <summary>The GAD-2 total (0-6); KneeSpine's own code, as no LOINC code for the GAD-2 total could be verified (70272-0 is the PHQ-4 total).</summary>
    public static Coding Gad2Total => Of("gad2-total", "GAD-2 total score (0-6)");

    /// <summary>The back-function score (0-12): the sum of KneeSpine's four own items, not a validated instrument.</summary>
    public static Coding BackFunctionScore => Of("back-function-score", "Back function score (0-12, KneeSpine items, not validated)");

    /// <summary>Every code of the system.</summary>
    public static IReadOnlyList<Coding> All => [BackPainTriage, BackPainNow, KneePainNow, ContributingFactor, FactorCertainty, Gad2Total, BackFunctionScore];

    private static Coding Of(string code, string display) => new(KneeSpineCodeSystems.ObservationCode, code, display);
}
