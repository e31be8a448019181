using System.ComponentModel.DataAnnotations;

namespace KneeSpine.Web.Reports;

/// <summary><c>KneeSpine:Reports</c>: outcomes reports.</summary>
public sealed class ReportsOptions
{
    public const string Section = "KneeSpine:Reports";

    /// <summary>
    /// Counts from 1 up to one less than this are shown as "fewer than N" in every output (page, CSV, CLI), and
    /// figures computed from so few (a median, a share) are not shown, so a report cannot single out a patient.
    /// </summary>
    [Range(2, 1000)]
    public int MinimumCellSize { get; set; } = 5;
}
