using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using KneeSpine.Store.BulkExport;
using KneeSpine.Store.Database;
using KneeSpine.Web.Fhir.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StoredPatient = KneeSpine.Store.Patients.Patient;

namespace KneeSpine.Web.BulkExport;

/// <summary>
/// Runs one export job that this node holds: reads the store a page of patients at a time, maps and writes the page's
/// patients on every processor (ADR-171), giving way to the clinic's requests (ADR-170), and appends each type's lines
/// to its file, stored as chunks of at most <see cref="ChunkBytes"/>. Memory holds one page, one buffer per worker and
/// type, and one open chunk per type, whatever the size of the export (ADR-172). A run always starts from the
/// beginning (a retried job first drops what an earlier attempt wrote), so an attempt cut short by a crash leaves
/// nothing behind in the result.
/// </summary>
internal sealed class BulkExportRunner(KneeSpineDbContext db, FhirBulkReader reader, ClinicRequests clinic, IOptions<BulkExportOptions> options, TimeProvider time)
{
    public const int ChunkBytes = 1 << 20;

    /// <summary>Runs the job; false when it was cancelled or taken by another node meanwhile (nothing more to do here).</summary>
    public async Task<bool> RunAsync(Guid jobId, string node, CancellationToken cancellationToken)
    {
        var job = await db.BulkExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return false;
        }

        await db.WriteAsync(token => db.BulkExportChunks.Where(c => c.JobId == jobId).ExecuteDeleteAsync(token), cancellationToken).ConfigureAwait(false);
        await db.WriteAsync(token => db.BulkExportFiles.Where(f => f.JobId == jobId).ExecuteDeleteAsync(token), cancellationToken).ConfigureAwait(false);
        var wanted = job.Types?.Split(',').ToHashSet(StringComparer.Ordinal);
        Func<KneeSpineDbContext, IQueryable<StoredPatient>> patients = read => BulkExportGroups.Patients(read, job.GroupId);
        var total = await reader.CountAsync(patients, cancellationToken).ConfigureAwait(false);
        // On a lagging replica the data is older than the kick-off; the manifest's transactionTime then says how old.
        var start = time.GetUtcNow();
        var asOf = start - await reader.LagAsync(start, cancellationToken).ConfigureAwait(false);
        var transactionTime = asOf < job.TransactionTime ? asOf : job.TransactionTime;
        await db.WriteAsync(token => db.BulkExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.PatientsTotal, total).SetProperty(j => j.PatientsDone, 0).SetProperty(j => j.TransactionTime, transactionTime), token), cancellationToken).ConfigureAwait(false);

        var files = new SortedDictionary<string, OpenFile>(StringComparer.Ordinal);
        var workers = new NdjsonLines[options.Value.Workers > 0 ? options.Value.Workers : Environment.ProcessorCount];
        try
        {
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = new NdjsonLines();
            }

            var done = 0;
            await using var pages = reader.RecordPagesAsync(patients, job.Since, options.Value.PagePatients, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                // Reading a page is a step too: the clinic's requests go first.
                await clinic.GiveWayAsync(options.Value.YieldAtMost, time, cancellationToken).ConfigureAwait(false);
                if (!await pages.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                var page = pages.Current;
                // Each worker maps and writes a contiguous share of the page; appending the shares in order keeps each
                // file in patient order, as one loop would write it.
                await Task.WhenAll(workers.Select((lines, i) =>
                    Task.Run(() => WriteShareAsync(page, i * page.Count / workers.Length, (i + 1) * page.Count / workers.Length, wanted, lines, cancellationToken), cancellationToken)))
                    .ConfigureAwait(false);
                foreach (var lines in workers)
                {
                    foreach (var (type, bytes, count) in lines.Types)
                    {
                        if (!files.TryGetValue(type, out var file))
                        {
                            files[type] = file = new OpenFile();
                        }

                        await AppendAsync(jobId, type, file, bytes, count, cancellationToken).ConfigureAwait(false);
                    }

                    lines.Clear();
                }

                done += page.Count(p => p.WithDemographics);
                // Renewing at each page both keeps the lease of a long job and notices a cancel (DELETE) early.
                if (!await BulkExportLeases.RenewAsync(db, jobId, node, time.GetUtcNow() + options.Value.LeaseFor, done, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }

            return await CompleteAsync(jobId, node, files, done, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var lines in workers)
            {
                lines?.Dispose();
            }
        }
    }

    private async Task WriteShareAsync(IReadOnlyList<ExportedPatient> page, int from, int to, HashSet<string>? wanted, NdjsonLines lines, CancellationToken cancellationToken)
    {
        for (var i = from; i < to; i++)
        {
            // One patient is a millisecond or two of work: the longest a clinic request that arrives meanwhile shares a processor with it.
            await clinic.GiveWayAsync(options.Value.YieldAtMost, time, cancellationToken).ConfigureAwait(false);
            foreach (var resource in reader.Resources(page[i]))
            {
                if (wanted is null || wanted.Contains(resource.TypeName))
                {
                    lines.Add(resource);
                }
            }
        }
    }

    private async Task<bool> CompleteAsync(Guid jobId, string node, SortedDictionary<string, OpenFile> files, int done, CancellationToken cancellationToken)
    {
        foreach (var (type, file) in files)
        {
            await FlushAsync(jobId, type, file, cancellationToken).ConfigureAwait(false);
            db.BulkExportFiles.Add(new BulkExportFile { JobId = jobId, Type = type, Count = file.Count, Chunks = file.Chunks });
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var completed = await db.BulkExportJobs.Where(j => j.Id == jobId && j.LeasedBy == node && j.State == BulkExportState.Queued)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.State, BulkExportState.Completed)
                .SetProperty(j => j.PatientsDone, done)
                .SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.ExpiresAt, now + options.Value.FilesKeptFor)
                .SetProperty(j => j.LeasedBy, (string?)null)
                .SetProperty(j => j.LeasedUntil, (DateTimeOffset?)null), cancellationToken).ConfigureAwait(false);
        if (completed != 1)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>Appends whole lines to the type's open chunk, storing chunks of at most <see cref="ChunkBytes"/> as they fill (<see cref="NdjsonChunking"/>).</summary>
    private async Task AppendAsync(Guid jobId, string type, OpenFile file, ReadOnlyMemory<byte> lines, int count, CancellationToken cancellationToken)
    {
        file.Count += count;
        while (!lines.IsEmpty)
        {
            var take = NdjsonChunking.BytesThatFit(lines.Span, ChunkBytes - (int)file.Buffer.Length, file.Buffer.Length == 0);
            file.Buffer.Write(lines.Span[..take]);
            lines = lines[take..];
            if (!lines.IsEmpty)
            {
                await FlushAsync(jobId, type, file, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task FlushAsync(Guid jobId, string type, OpenFile file, CancellationToken cancellationToken)
    {
        if (file.Buffer.Length == 0)
        {
            return;
        }

        db.BulkExportChunks.Add(new BulkExportChunk { JobId = jobId, Type = type, Sequence = file.Chunks, Data = file.Buffer.ToArray() });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        file.Chunks++;
        file.Buffer.SetLength(0);
    }

    private sealed class OpenFile
    {
        public MemoryStream Buffer { get; } = new();

        public int Count { get; set; }

        public int Chunks { get; set; }
    }
}
