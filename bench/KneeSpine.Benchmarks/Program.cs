using BenchmarkDotNet.Running;
using KneeSpine.Benchmarks;

// `generate N FILE`: N generated assessments as NDJSON (input for bench/ndjson.sh).
// `floor IN OUT`: the System.Text.Json floor over a whole NDJSON file, for comparison with assess --ndjson.
// `fhir N FILE`: FHIR NDJSON of N patients (6 resources each), the input of bench/import.sh.
// anything else: BenchmarkDotNet (e.g. --filter '*').
return args switch
{
    ["generate", var count, var file] => NdjsonTools.Generate(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), file),
    ["floor", var input, var output] => NdjsonTools.Floor(input, output),
    ["fhir", var count, var file] => FhirCohortFile.Generate(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), file),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args);
    return 0;
}
