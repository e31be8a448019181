using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using KneeSpine.Cli.Assess;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;

namespace KneeSpine.Benchmarks;

/// <summary>
/// Per-assessment costs: (a) evaluate a parsed input, (b) parse + validate + evaluate from UTF-8,
/// (b') the same plus writing the result JSON (the whole per-line work of <c>assess --ndjson</c>),
/// (c) the whole <c>assess --ndjson</c> pipeline over an in-memory stream of all the lines,
/// and (d) the floor: System.Text.Json parse into JsonDocument and write back, over the same lines.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int Count = 1024;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private byte[][] _lines = [];
    private byte[] _ndjson = [];
    private AssessmentInput[] _inputs = [];
    private Utf8JsonWriter _writer = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var generator = new InputGenerator(seed: 2026);
        _inputs = [.. Enumerable.Range(0, Count).Select(_ => generator.Next())];
        _lines = [.. _inputs.Select(i => Encoding.UTF8.GetBytes(AssessmentInputJson.ToJson(i)))];
        _ndjson = [.. _lines.SelectMany(l => l.Append((byte)'\n'))];
        _writer = new Utf8JsonWriter(_buffer);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Description = "(a) evaluate parsed input")]
    public AssessmentResult Evaluate() => AssessmentEvaluator.Default.Evaluate(_inputs[Next()]);

    [Benchmark(Description = "(b) parse + validate + evaluate UTF-8")]
    public AssessmentResult? ParseValidateEvaluate()
    {
        var read = AssessmentInputReader.Read(_lines[Next()]);
        return read.Input is null ? null : AssessmentEvaluator.Default.Evaluate(read.Input);
    }

    [Benchmark(Description = "(b') parse + validate + evaluate + write result")]
    public int ParseValidateEvaluateWrite()
    {
        var read = AssessmentInputReader.Read(_lines[Next()]);
        ResetWriter();
        AssessmentResultJson.Write(_writer, AssessmentEvaluator.Default.Evaluate(read.Input!));
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "(c) assess --ndjson pipeline, per line", OperationsPerInvoke = Count)]
    public async Task<int> NdjsonPipelinePerLine()
    {
        using var input = new MemoryStream(_ndjson, writable: false);
        var summary = await new NdjsonPipeline(Stream.Null).RunAsync(input, CancellationToken.None).ConfigureAwait(false);
        return (int)summary.Lines;
    }

    [Benchmark(Baseline = true, Description = "(d) floor: JsonDocument parse + write back")]
    public int Floor()
    {
        using var document = JsonDocument.Parse(_lines[Next()]);
        ResetWriter();
        document.WriteTo(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    private int Next() => _next = (_next + 1) % Count;

    private void ResetWriter()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }
}
