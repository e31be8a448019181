using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using KneeSpine.Cli.Assess;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;

namespace KneeSpine.Pipeline.Benchmarks;

/// <summary>
/// The NDJSON path of <c>kneespine assess --ndjson</c>, per line, against a bare baseline: parsing the
/// same line with <see cref="JsonDocument"/> and writing it back. Each stage is measured on its own too.
/// </summary>
[MemoryDiagnoser]
public class NdjsonBenchmarks
{
    private const int Lines = 6000;

    private byte[][] _lines = [];
    private byte[] _ndjson = [];
    private AssessmentInput[] _inputs = [];
    private AssessmentResult[] _results = [];
    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);

    [GlobalSetup]
    public void Setup()
    {
        var examples = LocateExamples()
            .Select(f => Encoding.UTF8.GetBytes(JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.GetRawText().ReplaceLineEndings(" ")))
            .ToArray();
        _lines = [.. Enumerable.Range(0, Lines).Select(i => examples[i % examples.Length])];
        _ndjson = [.. _lines.SelectMany(l => l.Append((byte)'\n'))];
        _inputs = [.. _lines.Select(l => AssessmentInputReader.Read(l).Input!)];
        _results = [.. _inputs.Select(AssessmentEvaluator.Default.Evaluate)];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public void Bare_JsonDocument_parse_and_write_of_the_line()
    {
        _output.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_output);
        foreach (var line in _lines)
        {
            using var document = JsonDocument.Parse(line);
            document.WriteTo(writer);
            writer.Flush();
            writer.Reset();
            _output.ResetWrittenCount();
        }
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public async Task Whole_pipeline_read_validate_evaluate_write()
    {
        using var input = new MemoryStream(_ndjson, writable: false);
        await new NdjsonPipeline(Stream.Null).RunAsync(input, CancellationToken.None).ConfigureAwait(false);
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int Read_and_validate_only()
    {
        var valid = 0;
        foreach (var line in _lines)
        {
            valid += AssessmentInputReader.Read(line).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int Evaluate_only()
    {
        var alerts = 0;
        foreach (var input in _inputs)
        {
            alerts += AssessmentEvaluator.Default.Evaluate(input).Alerts.Count;
        }

        return alerts;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public void Write_result_only()
    {
        using var writer = new Utf8JsonWriter(_output);
        foreach (var result in _results)
        {
            AssessmentResultJson.Write(writer, result);
            writer.Flush();
            writer.Reset();
            _output.ResetWrittenCount();
        }
    }

    private static string[] LocateExamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var examples = Path.Combine(dir.FullName, "shared", "spec", "examples");
            if (Directory.Exists(examples))
            {
                return [.. Directory.GetFiles(examples, "*.input.json").Order(StringComparer.Ordinal)];
            }
        }

        throw new DirectoryNotFoundException("shared/spec/examples not found above " + AppContext.BaseDirectory);
    }
}
