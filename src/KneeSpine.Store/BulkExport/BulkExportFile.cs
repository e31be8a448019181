namespace KneeSpine.Store.BulkExport;

/// <summary>One NDJSON output file of a job: its resource type and how many lines it has. The bytes are in <see cref="BulkExportChunk"/>s.</summary>
public sealed class BulkExportFile
{
    public Guid JobId { get; set; }

    public required string Type { get; set; }

    public int Count { get; set; }

    public int Chunks { get; set; }
}
