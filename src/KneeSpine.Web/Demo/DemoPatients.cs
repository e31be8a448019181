using System.Text.Json.Nodes;
using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Demo;

/// <summary>The demo cast. Every person is invented; the stories cover each triage level.</summary>
internal static class DemoPatients
{
    public static IReadOnlyList<DemoPatient> All { get; } =
    [
        new("Demo Patient Ada Example", new DateOnly(1956, 4, 12), Sex.Female, 60,
            new JsonObject { ["anesthesia"] = "spinal", ["side"] = "right", ["procedure"] = "total", ["preoperativeAlignment"] = "varus" },
            [
                new(3, 5, 7, input => input["backFunction"] = BackFunction(3, 3, 3, 2)),
                new(14, 4, 5, input => input["backFunction"] = BackFunction(2, 2, 3, 1)),
                new(45, 4, 3, input =>
                {
                    input["sleep"] = new JsonObject { ["troubleSleeping"] = "moderate", ["poorNightsPerWeek"] = 4 };
                    input["backFunction"] = BackFunction(1, 1, 2, 0);
                }),
            ]),
        new("Demo Patient Ben Sample", new DateOnly(1949, 9, 30), Sex.Male, 20,
            new JsonObject { ["anesthesia"] = "epidural", ["side"] = "left", ["procedure"] = "total" },
            [
                new(2, 4, 6, input => input["medications"] = new JsonObject { ["anticoagulant"] = "prophylactic" }),
                new(9, 6, 5, input => input["redFlags"]!["feverOrChills"] = true),
                new(16, 2, 3),
            ]),
        new("Demo Patient Cleo Placeholder", new DateOnly(1962, 1, 5), Sex.Female, 95,
            new JsonObject { ["anesthesia"] = "general", ["side"] = "both", ["procedure"] = "total" },
            [
                new(30, 6, 4, input => input["backPain"]!["painBelowKnee"] = true),
                new(58, 8, 3, input =>
                {
                    input["backPain"]!["frequency"] = "constant";
                    input["psychosocial"] = new JsonObject
                    {
                        ["littleInterestOrPleasure"] = 2,
                        ["feelingDownDepressedOrHopeless"] = 2,
                        ["feelingNervousAnxiousOrOnEdge"] = 1,
                        ["unableToStopOrControlWorrying"] = 1,
                        ["avoidsMovementForFearOfHarm"] = true,
                    };
                }),
                new(90, 2, 1),
            ]),
        new("Demo Patient Eve Illustration", new DateOnly(1951, 7, 21), Sex.Female, 4,
            new JsonObject { ["anesthesia"] = "combined-spinal-epidural", ["side"] = "right", ["procedure"] = "partial" },
            [
                new(1, 3, 6),
                new(4, 7, 5, input =>
                {
                    input["redFlags"]!["numbnessInSaddleArea"] = true;
                    input["medications"] = new JsonObject { ["anticoagulant"] = "therapeutic" };
                }),
            ]),
    ];

    private static JsonObject BackFunction(int standingUp, int walking, int socksAndShoes, int lightJobs) => new()
    {
        ["standingUpFromChair"] = standingUp,
        ["walking15Minutes"] = walking,
        ["puttingOnSocksAndShoes"] = socksAndShoes,
        ["lightHouseholdJobs"] = lightJobs,
    };
}
