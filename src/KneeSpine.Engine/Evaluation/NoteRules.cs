using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Evaluation;

/// <summary>Remarks for the clinician that are not alerts: they never change ids, levels or the plan.</summary>
internal static class NoteRules
{
    public const int AnticoagulantUnknownAfterNeuraxial = 0;

    public static readonly string[] Ids = ["anticoagulant-unknown-after-neuraxial"];

    /// <summary>
    /// A3 needs a known anticoagulant; when anticoagulant use is unknown or not recorded and
    /// everything else of A3 holds, the clinician is told that the haematoma is not excluded.
    /// </summary>
    public static bool AnticoagulantUnknown(AssessmentInput input, in Facts facts, ReadOnlySpan<Firing> alerts) =>
        facts.Neuraxial
        && input.Medications?.Anticoagulant is null or AnticoagulantUse.Unknown
        && facts.Days <= AlertRules.HematomaWindowDays
        && (alerts[AlertRules.CaudaEquinaSyndrome].Fired || alerts[AlertRules.ProgressiveNeurologicalDeficit].Fired);
}
