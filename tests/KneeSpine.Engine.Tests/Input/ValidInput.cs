using System.Text;
using System.Text.Json.Nodes;

namespace KneeSpine.Engine.Tests.Input;

/// <summary>A complete, valid input document to mutate in tests.</summary>
internal static class ValidInput
{
    public const string Text = """
        {
          "schemaVersion": 2,
          "assessedOn": "2026-03-16",
          "patient": { "ageYears": 67, "sex": "female", "heightCm": 165.5, "weightKg": 82 },
          "surgery": { "date": "2026-03-02", "side": "right", "procedure": "total", "anesthesia": "spinal", "preoperativeAlignment": "varus" },
          "backPain": { "intensityNow": 3, "intensityWorstLastWeek": 6, "frequency": "occasional", "startedWhen": "after-surgery",
                        "historyBeforeSurgery": "none", "painBelowKnee": false, "worseAtNightAtRest": false },
          "knee": { "painNow": 4, "painBeforeSurgery": 8 },
          "activity": { "exerciseMinutesPerWeek": 90, "levelBeforeSurgery": "light", "trunkMuscleWeakness": true,
                        "walkingAid": "walker", "limp": true, "legLengthDifferenceNoticed": false },
          "sleep": { "hoursPerNight": 5.5, "troubleSleeping": "moderate", "poorNightsPerWeek": 3 },
          "conditions": ["diabetes", "obesity"],
          "medications": { "anticoagulant": "prophylactic", "painMedicines": ["paracetamol", "opioid"], "opioidDaysLastWeek": 2,
                           "antiplatelet": "none", "longTermSteroids": false },
          "expectations": { "expectsNoPainAtAll": true, "expectsSurgeryToFixBackPain": false, "expectedFullRecoveryWeeks": 10 },
          "psychosocial": { "littleInterestOrPleasure": 1, "feelingDownDepressedOrHopeless": 0, "feelingNervousAnxiousOrOnEdge": 2,
                            "unableToStopOrControlWorrying": 1, "avoidsMovementForFearOfHarm": false },
          "backFunction": { "standingUpFromChair": 1, "walking15Minutes": 2, "puttingOnSocksAndShoes": 0, "lightHouseholdJobs": 1 },
          "redFlags": {
            "newBladderOrBowelProblem": false, "numbnessInSaddleArea": false, "sciaticaBothLegs": false,
            "legWeaknessOrNumbnessGettingWorse": false, "newLegWeaknessOrNumbness": false, "suddenSevereBackPain": false,
            "chestPainOrShortnessOfBreath": false, "coughingBloodOrFainting": false, "feverOrChills": false,
            "woundRednessOrDischarge": false, "recentFallOrInjury": false, "calfSwellingOrPain": false,
            "unexplainedWeightLoss": false, "severePainNotEasedByRestOrPosition": false
          }
        }
        """;

    public static JsonObject Node() => (JsonObject)JsonNode.Parse(Text)!;

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>The valid document with one edit applied.</summary>
    public static byte[] With(Action<JsonObject> edit)
    {
        var node = Node();
        edit(node);
        return Bytes(node);
    }
}
