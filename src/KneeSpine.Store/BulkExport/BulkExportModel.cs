using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Store.BulkExport;

/// <summary>The bulk export tables' mapping, kept beside the entities.</summary>
internal static class BulkExportModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<BulkExportJob>(job =>
        {
            job.Property(j => j.Request).HasMaxLength(BulkExportJob.Limits.Request);
            job.Property(j => j.GroupId).HasMaxLength(BulkExportJob.Limits.GroupId);
            job.Property(j => j.Types).HasMaxLength(BulkExportJob.Limits.Types);
            job.Property(j => j.RequestedBy).HasMaxLength(BulkExportJob.Limits.RequestedBy);
            job.Property(j => j.Error).HasMaxLength(BulkExportJob.Limits.Error);
            job.Property(j => j.LeasedBy).HasMaxLength(BulkExportJob.Limits.LeasedBy);
            job.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
            // The worker's query (queued jobs) and the clean-up's (expired ones).
            job.HasIndex(j => new { j.State, j.LeasedUntil });
            job.HasIndex(j => j.ExpiresAt);
        });
        builder.Entity<BulkExportFile>(file =>
        {
            file.HasKey(f => new { f.JobId, f.Type });
            file.Property(f => f.Type).HasMaxLength(64);
            file.HasOne<BulkExportJob>().WithMany().HasForeignKey(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BulkExportChunk>(chunk =>
        {
            chunk.HasKey(c => new { c.JobId, c.Type, c.Sequence });
            chunk.Property(c => c.Type).HasMaxLength(64);
            chunk.HasOne<BulkExportJob>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
