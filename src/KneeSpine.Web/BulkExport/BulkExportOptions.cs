using System.ComponentModel.DataAnnotations;

namespace KneeSpine.Web.BulkExport;

/// <summary><c>KneeSpine:BulkExport</c>: how FHIR Bulk Data export jobs run and how long their files are kept.</summary>
public sealed class BulkExportOptions
{
    public const string Section = "KneeSpine:BulkExport";

    /// <summary>Whether this node runs export jobs. A node that does not still takes kick-offs and answers status.</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>How long a finished export's files stay downloadable before the clean-up deletes them.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan FilesKeptFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often an idle worker looks for queued jobs (kick-offs on this node wake it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a node holds a job without renewing it. A node that dies mid-job lets the lease run out, and another
    /// node (or this one after a restart) starts the job again from the beginning.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan LeaseFor { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The <c>Retry-After</c> a client is given while the job runs, in seconds.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>A job that fails this many times is given up, and its status reports the error.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// How many threads map and write a running export's patients; 0 means one per processor. The export gives way
    /// to the clinic's requests whatever this is (<see cref="YieldAtMost"/>), so it uses idle processors only.
    /// </summary>
    [Range(0, 64)]
    public int Workers { get; set; }

    /// <summary>
    /// How long an export waits, before each patient, for the clinic's requests in flight on this node to end. A clinic
    /// that is never idle still lets the export move on, one patient per wait.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan YieldAtMost { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Patients read per query while an export runs. Smaller than the CLI's 500: a page's stored rows stay alive
    /// while its patients are written, and a page that outlives a young-generation collection is promoted and
    /// swells the old generation (ADR-172). Each page also renews the job's lease.
    /// </summary>
    [Range(10, 5000)]
    public int PagePatients { get; set; } = 100;
}
