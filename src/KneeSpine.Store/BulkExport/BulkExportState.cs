namespace KneeSpine.Store.BulkExport;

/// <summary>Where a <see cref="BulkExportJob"/> is. A cancelled job is deleted, so it has no state of its own.</summary>
public enum BulkExportState
{
    Queued,
    Completed,
    Failed,
}
