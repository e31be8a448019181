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

    /// <summary>Every code of the system.</summary>
    public static IReadOnlyList<Coding> All => [BackPainTriage, BackPainNow, KneePainNow, ContributingFactor, FactorCertainty];

    private static Coding Of(string code, string display) => new(KneeSpineCodeSystems.ObservationCode, code, display);
}
