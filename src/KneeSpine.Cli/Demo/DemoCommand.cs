using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KneeSpine.Cli.CommandLine;
using KneeSpine.Cli.Hosting;
using KneeSpine.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Demo;

/// <summary><c>kneespine demo generate --patients N [--seed S] [--data DIR]</c>: a large fictional cohort for reports and benchmarks.</summary>
internal static class DemoCommand
{
    private const string GenerateHelp = """
        Add N fictional patients ("Demo Cohort Patient 000001" ...) with surgeries in the last year and follow-up
        assessments at the check-in days, each evaluated by the engine. Age, sex, anaesthesia, procedure, side,
        back pain and its course, questionnaires and red flags follow the distributions in docs/cohort.md. The same
        --seed on the same day gives the same cohort; a seed already generated in this database is refused.
        Generated assessments open no worklist item and send no email.

        Examples:
          kneespine demo generate --patients 2000
          kneespine demo generate --patients 200000 --seed 7 --data /srv/kneespine-bench

        Exit codes: 0 done; 2 wrong arguments, or this seed's cohort is already there; 1 unexpected failure.
        """;

    public static Command Create(CliConsole console)
    {
        var patients = new Option<int>("--patients") { Description = "How many patients to add (1 to 10,000,000).", Required = true };
        ValueForm.WholeNumberFrom(patients, 1, 10_000_000);
        var seed = new Option<int>("--seed") { Description = "Seed of the generator (default 1).", DefaultValueFactory = _ => 1 };
        var data = DataOption.Create();
        var generate = new Command("generate", GenerateHelp) { patients, seed, data };
        generate.SetAction(async (parse, cancellationToken) =>
            await CliServices.RunAsync(parse.GetValue(data), async (services, _) =>
            {
                var count = parse.GetValue(patients);
                var watch = Stopwatch.StartNew();
                var summary = await BulkProgress.RunAsync(console, "Generating patients", report =>
                    services.GetRequiredService<CohortGenerator>().GenerateAsync(count, parse.GetValue(seed),
                        report is null ? null : new Progress<int>(done => report(done, count)), cancellationToken)).ConfigureAwait(false);
                if (summary is null)
                {
                    await console.Error.WriteLineAsync($"--seed: the cohort of seed {parse.GetValue(seed).ToString(CultureInfo.InvariantCulture)} is already in this database; use another --seed or another --data folder.").ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }

                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Generated {summary.Patients:N0} patients and {summary.Assessments:N0} assessments in {watch.Elapsed.TotalSeconds:0.0} s.")).ConfigureAwait(false);
                return ExitCodes.Success;
            }, cancellationToken).ConfigureAwait(false));
        return new Command("demo", "Fictional data for trying KneeSpine and for benchmarks.") { generate };
    }
}
