namespace KneeSpine.Store.BulkExport;

/// <summary>
/// A piece (about 1 MiB, whole lines) of an output file. Files live in the database, not on one node's disk, so any
/// node behind the load balancer can serve them (ADR-135); chunks let both the writer and the reader stream.
/// </summary>
public sealed class BulkExportChunk
{
    public Guid JobId { get; set; }

    public required string Type { get; set; }

    public int Sequence { get; set; }

    public required byte[] Data { get; set; }
}
