using System.Buffers;
using System.Text.Json;
using Hl7.Fhir.Model;
using KneeSpine.Web.Fhir.Bulk;

namespace KneeSpine.Web.BulkExport;

/// <summary>
/// One export worker's NDJSON lines for its share of a page, per resource type, in the order added. Serialises
/// straight into reused byte buffers (no string per line); <see cref="Clear"/> keeps the buffers for the next page.
/// </summary>
internal sealed class NdjsonLines : IDisposable
{
    private readonly SortedDictionary<string, Lines> byType = new(StringComparer.Ordinal);
    private Utf8JsonWriter? writer;

    /// <summary>The lines of each type added since the last <see cref="Clear"/>, by type name.</summary>
    public IEnumerable<(string Type, ReadOnlyMemory<byte> Bytes, int Count)> Types =>
        byType.Where(t => t.Value.Count > 0).Select(t => (t.Key, t.Value.Buffer.WrittenMemory, t.Value.Count));

    public void Add(Resource resource)
    {
        if (!byType.TryGetValue(resource.TypeName, out var lines))
        {
            byType[resource.TypeName] = lines = new Lines();
        }

        if (writer is null)
        {
            writer = new Utf8JsonWriter(lines.Buffer, FhirNdjson.WriterOptions);
        }
        else
        {
            writer.Reset(lines.Buffer);
        }

        FhirNdjson.Write(writer, resource);
        writer.Flush();
        lines.Buffer.GetSpan(1)[0] = (byte)'\n';
        lines.Buffer.Advance(1);
        lines.Count++;
    }

    public void Clear()
    {
        foreach (var lines in byType.Values)
        {
            lines.Buffer.ResetWrittenCount();
            lines.Count = 0;
        }
    }

    public void Dispose() => writer?.Dispose();

    private sealed class Lines
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(64 * 1024);

        public int Count { get; set; }
    }
}
