namespace KneeSpine.Store.BulkExport;

/// <summary>
/// One FHIR Bulk Data export (ADR-135): what was asked, by whom, how far it got and which node works on it. Kept in the
/// database so a restart does not lose it and any node can answer its status.
/// </summary>
public sealed class BulkExportJob
{
    public Guid Id { get; set; }

    /// <summary>The kick-off URL, as the manifest's <c>request</c> repeats it.</summary>
    public required string Request { get; set; }

    /// <summary>Null for a system or Patient-level export; the group's id for a Group export.</summary>
    public string? GroupId { get; set; }

    /// <summary>The resource types asked for (<c>_type</c>), comma-separated; null for every type.</summary>
    public string? Types { get; set; }

    /// <summary>Only resources created at or after this instant (<c>_since</c>).</summary>
    public DateTimeOffset? Since { get; set; }

    public required string RequestedBy { get; set; }

    /// <summary>The kick-off instant; the manifest's <c>transactionTime</c>.</summary>
    public DateTimeOffset TransactionTime { get; set; }

    public BulkExportState State { get; set; }

    public int PatientsDone { get; set; }

    public int? PatientsTotal { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>When the job and its files are deleted; set at completion (or failure).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public string? Error { get; set; }

    public string? LeasedBy { get; set; }

    public DateTimeOffset? LeasedUntil { get; set; }

    public static class Limits
    {
        public const int Request = 2048;
        public const int GroupId = 64;
        public const int Types = 512;
        public const int RequestedBy = 256;
        public const int Error = 2000;
        public const int LeasedBy = 128;
    }
}
