using System.Diagnostics;
using System.Text.Json;
using KneeSpine.Engine.Input;

namespace KneeSpine.Benchmarks;

/// <summary>Whole-file tools for the NDJSON throughput run (bench/ndjson.sh).</summary>
internal static class NdjsonTools
{
    public static int Generate(int count, string file)
    {
        var generator = new InputGenerator(seed: 1);
        using var stream = new BufferedStream(File.Create(file), 1 << 20);
        using var writer = new Utf8JsonWriter(stream);
        for (var i = 0; i < count; i++)
        {
            AssessmentInputJson.Write(writer, generator.Next());
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset(stream);
        }
        return 0;
    }

    /// <summary>Reads every line into a JsonDocument and writes it back: the cost of JSON alone.</summary>
    /// <remarks>Lines are split in large blocks with a vectorised search, as a fast NDJSON reader would.</remarks>
    public static int Floor(string input, string output)
    {
        var watch = Stopwatch.StartNew();
        var lines = 0;
        using var source = File.OpenRead(input);
        using var sink = new BufferedStream(output == "-" ? Console.OpenStandardOutput() : File.Create(output), 1 << 20);
        using var writer = new Utf8JsonWriter(sink);
        var buffer = new byte[1 << 20];
        var filled = 0;
        int read;
        while ((read = source.Read(buffer, filled, buffer.Length - filled)) > 0 || filled > 0)
        {
            filled += read;
            var start = 0;
            int newline;
            while ((newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n')) >= 0 || (read == 0 && start < filled))
            {
                var length = newline >= 0 ? newline : filled - start;
                using (var document = JsonDocument.Parse(buffer.AsMemory(start, length)))
                {
                    document.WriteTo(writer);
                }
                writer.Flush();
                sink.WriteByte((byte)'\n');
                writer.Reset(sink);
                lines++;
                start += length + 1;
            }
            start = Math.Min(start, filled);
            buffer.AsSpan(start, filled - start).CopyTo(buffer);
            filled -= start;
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
        Console.Error.WriteLine($"floor: {lines} lines in {watch.Elapsed.TotalSeconds:F2} s = {lines / watch.Elapsed.TotalSeconds:F0} lines/s");
        return 0;
    }
}
