using System.Text;
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
/// Runs one export job that this node holds: reads the store a page of patients at a time and appends each resource's
/// line to its type's file, stored as chunks of about <see cref="ChunkBytes"/>. Memory holds one page and one open
/// chunk per type, whatever the size of the export. A run always starts from the beginning (a retried job first drops
/// what an earlier attempt wrote), so an attempt cut short by a crash leaves nothing behind in the result.
/// </summary>
internal sealed class BulkExportRunner(KneeSpineDbContext db, FhirBulkReader reader, IOptions<BulkExportOptions> options, TimeProvider time)
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

        await db.BulkExportChunks.Where(c => c.JobId == jobId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.BulkExportFiles.Where(f => f.JobId == jobId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var wanted = job.Types?.Split(',').ToHashSet(StringComparer.Ordinal);
        Func<KneeSpineDbContext, IQueryable<StoredPatient>> patients = read => BulkExportGroups.Patients(read, job.GroupId);
        var total = await reader.CountAsync(patients, cancellationToken).ConfigureAwait(false);
        // On a lagging replica the data is older than the kick-off; the manifest's transactionTime then says how old.
        var start = time.GetUtcNow();
        var asOf = start - await reader.LagAsync(start, cancellationToken).ConfigureAwait(false);
        var transactionTime = asOf < job.TransactionTime ? asOf : job.TransactionTime;
        await db.BulkExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.PatientsTotal, total).SetProperty(j => j.PatientsDone, 0).SetProperty(j => j.TransactionTime, transactionTime), cancellationToken).ConfigureAwait(false);

        var files = new SortedDictionary<string, OpenFile>(StringComparer.Ordinal);
        var done = 0;
        await foreach (var page in reader.PagesAsync(patients, job.Since, cancellationToken).ConfigureAwait(false))
        {
            foreach (var resource in page)
            {
                if (resource is Patient)
                {
                    done++;
                }

                if (wanted is not null && !wanted.Contains(resource.TypeName))
                {
                    continue;
                }

                if (!files.TryGetValue(resource.TypeName, out var file))
                {
                    files[resource.TypeName] = file = new OpenFile();
                }

                file.Append(FhirNdjson.Line(resource));
                if (file.Buffer.Length >= ChunkBytes)
                {
                    await FlushAsync(jobId, resource.TypeName, file, cancellationToken).ConfigureAwait(false);
                }
            }

            // Renewing at each page both keeps the lease of a long job and notices a cancel (DELETE) early.
            if (!await BulkExportLeases.RenewAsync(db, jobId, node, time.GetUtcNow() + options.Value.LeaseFor, done, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

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
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

        public MemoryStream Buffer { get; } = new();

        public int Count { get; private set; }

        public int Chunks { get; set; }

        public void Append(string line)
        {
            var bytes = Utf8.GetBytes(line);
            Buffer.Write(bytes);
            Buffer.WriteByte((byte)'\n');
            Count++;
        }
    }
}
