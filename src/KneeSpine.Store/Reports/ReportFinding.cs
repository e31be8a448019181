namespace KneeSpine.Store.Reports;

/// <summary>One alert or factor in the current version of an assessment series, for counting how often each appears.</summary>
public sealed class ReportFinding
{
    public Guid SeriesId { get; set; }

    public ReportFindingKind Kind { get; set; }

    /// <summary>The alert or factor id from the specification.</summary>
    public required string FindingId { get; set; }
}
