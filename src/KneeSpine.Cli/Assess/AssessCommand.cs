using System.CommandLine;

namespace KneeSpine.Cli.Assess;

/// <summary><c>kneespine assess</c>: evaluates assessments from a file or standard input.</summary>
internal static class AssessCommand
{
    private const string Help = """
        Evaluate a follow-up assessment of back pain after knee replacement. Prints the triage (what to do now)
        first, then the alerts, the probable contributing factors and a personal plan, each with its sources.

        Input: one JSON object per assessment, as defined by assessment-input.schema.json (version 2; see spec/ in
        the KneeSpine repository). Required: schemaVersion (2), assessedOn, patient.ageYears, surgery.date,
        surgery.anesthesia, backPain.intensityNow and all fourteen redFlags answers. Dates are YYYY-MM-DD; codes are
        lower-case, e.g. "spinal". Every red-flag question must be answered true or false: an unanswered red-flag
        question is invalid input, never taken as "no". A version 1 input (schemaVersion 1) is invalid: version 2 asks
        red-flag questions that version 1 did not.

        Smallest valid input:
          {"schemaVersion":2,"assessedOn":"2026-03-16","patient":{"ageYears":67},
           "surgery":{"date":"2026-03-02","anesthesia":"spinal"},"backPain":{"intensityNow":3},
           "redFlags":{"newBladderOrBowelProblem":false,"numbnessInSaddleArea":false,"sciaticaBothLegs":false,
             "legWeaknessOrNumbnessGettingWorse":false,"newLegWeaknessOrNumbness":false,"suddenSevereBackPain":false,
             "chestPainOrShortnessOfBreath":false,"coughingBloodOrFainting":false,"feverOrChills":false,
             "woundRednessOrDischarge":false,"recentFallOrInjury":false,"calfSwellingOrPain":false,
             "unexplainedWeightLoss":false,"severePainNotEasedByRestOrPosition":false}}

        Examples:
          kneespine assess visit.json                         a report to read (coloured on a terminal)
          kneespine assess visit.json --json                  the result as JSON (assessment-result.schema.json)
          cat visit.json | kneespine assess -                 read the input from standard input
          kneespine assess --ndjson visits.ndjson > out.ndjson   many assessments, one JSON object per line

        With --ndjson, each input line gives one output line, in the same order. A line that is not a valid
        assessment gives {"line": N, "errors": [{"path": ..., "message": ...}]} in its place and the rest
        go on. An empty line counts as a line and is reported as invalid (path "$"), so line numbers
        always match. The exit code is then 2.

        Exit codes: 0 done; 2 invalid input, missing file or wrong arguments (each problem is written to
        standard error as "path: message"); 1 unexpected failure. Colour is used only on a terminal and
        never when NO_COLOR is set.

        KneeSpine supports, and does not replace, clinical judgement. In an emergency, call an ambulance.
        """;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "The assessment input: a JSON file, or - to read standard input.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Write the result as JSON (assessment-result.schema.json) instead of a report.",
        };
        var ndjson = new Option<bool>("--ndjson")
        {
            Description = "Read one assessment per line (NDJSON) and write one result per line.",
        };

        var command = new Command("assess", Help) { file, json, ndjson };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(ndjson))
            {
                result.AddError("--json and --ndjson cannot be used together: --ndjson already writes JSON, one result per line.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            return parse.GetValue(ndjson)
                ? NdjsonAssessor.RunAsync(path, console, cancellationToken)
                : SingleAssessor.RunAsync(path, parse.GetValue(json), console, cancellationToken);
        });
        return command;
    }
}
