using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;

namespace KneeSpine.Cli.Assess;

/// <summary>
/// The throughput path: reads NDJSON in large blocks, parses each line straight from the block,
/// evaluates it, and writes each result through one reused <see cref="Utf8JsonWriter"/> into a
/// buffer that goes to the output stream in large writes. Output line N answers input line N.
/// </summary>
internal sealed class NdjsonPipeline(Stream output)
{
    private const int ReadBlock = 1 << 20;
    private const int WriteThreshold = 1 << 18;

    private static readonly JsonWriterOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly ArrayBufferWriter<byte> _buffer = new(WriteThreshold * 2);
    private readonly AssessmentEvaluator _evaluator = AssessmentEvaluator.Default;
    private Utf8JsonWriter? _writer;
    private long _lines;
    private long _invalid;

    /// <summary>How many lines were read, and how many of them were invalid.</summary>
    public readonly record struct Summary(long Lines, long InvalidLines);

    public async Task<Summary> RunAsync(Stream input, CancellationToken cancellationToken)
    {
        _writer = new Utf8JsonWriter(_buffer, CompactJson);
        var block = ArrayPool<byte>.Shared.Rent(ReadBlock);
        try
        {
            var end = 0;
            while (true)
            {
                if (end == block.Length)
                {
                    // A line longer than the block: grow until it fits.
                    var larger = ArrayPool<byte>.Shared.Rent(block.Length * 2);
                    block.AsSpan(0, end).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(block);
                    block = larger;
                }

                var read = await input.ReadAsync(block.AsMemory(end), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                end += read;
                var consumed = ProcessLines(block.AsSpan(0, end));
                block.AsSpan(consumed, end - consumed).CopyTo(block);
                end -= consumed;
            }

            if (end > 0)
            {
                // The last line has no newline after it.
                ProcessLine(block.AsSpan(0, end));
            }

            Drain();
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new Summary(_lines, _invalid);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Processes every complete line of <paramref name="data"/>; returns how many bytes were used.</summary>
    private int ProcessLines(ReadOnlySpan<byte> data)
    {
        var start = 0;
        while (true)
        {
            var newline = data[start..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return start;
            }

            ProcessLine(data.Slice(start, newline));
            start += newline + 1;
        }
    }

    private void ProcessLine(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }

        _lines++;
        var writer = _writer!;
        var read = AssessmentInputReader.Read(line);
        if (read.Input is { } input)
        {
            AssessmentResultJson.Write(writer, _evaluator.Evaluate(input));
        }
        else
        {
            _invalid++;
            WriteErrors(writer, _lines, read.Errors);
        }

        writer.Flush();
        writer.Reset();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        if (_buffer.WrittenCount >= WriteThreshold)
        {
            Drain();
        }
    }

    private static void WriteErrors(Utf8JsonWriter writer, long line, IReadOnlyList<ValidationError> errors)
    {
        writer.WriteStartObject();
        writer.WriteNumber("line"u8, line);
        writer.WriteStartArray("errors"u8);
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("path"u8, error.Path);
            writer.WriteString("message"u8, error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void Drain()
    {
        output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
