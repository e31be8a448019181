using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Assessments;
using KneeSpine.Store.Audit;
using KneeSpine.Store.BulkExport;
using KneeSpine.Store.CdsHooks;
using KneeSpine.Store.Notifications;
using KneeSpine.Store.Patients;
using KneeSpine.Store.Reports;
using KneeSpine.Store.Tokens;
using KneeSpine.Store.Worklist;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Store.Database;

/// <summary>
/// The KneeSpine database. Each provider has its own subclass
/// (<see cref="SqliteKneeSpineDbContext"/>, <see cref="PostgresKneeSpineDbContext"/>) so each keeps its own migrations;
/// application code depends on this base type only.
/// </summary>
public abstract class KneeSpineDbContext(DbContextOptions options)
    : IdentityDbContext<KneeSpineUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CdsFeedback> CdsFeedback => Set<CdsFeedback>();

    public DbSet<CdsTokenUse> CdsTokenUses => Set<CdsTokenUse>();

    public DbSet<WorklistItem> WorklistItems => Set<WorklistItem>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>The outcomes report's flat copy of each current assessment (ADR-130).</summary>
    public DbSet<ReportRow> ReportRows => Set<ReportRow>();

    public DbSet<ReportFinding> ReportFindings => Set<ReportFinding>();

    public DbSet<BulkExportJob> BulkExportJobs => Set<BulkExportJob>();

    public DbSet<BulkExportFile> BulkExportFiles => Set<BulkExportFile>();

    public DbSet<BulkExportChunk> BulkExportChunks => Set<BulkExportChunk>();

    public DbSet<PatientIdentifier> PatientIdentifiers => Set<PatientIdentifier>();

    /// <summary>Append-only: add events through <see cref="AuditWriter"/>; a change or delete is refused.</summary>
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>
    /// Runs a write that bypasses <c>SaveChanges</c> (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL) under the same
    /// one-writer discipline as <c>SaveChanges</c> (ADR-059): on SQLite it waits for the file's write gate, so it never meets
    /// SQLite's lock and the library's 150 ms retry. Never call <c>SaveChanges</c> inside <paramref name="write"/>: the gate
    /// is not re-entrant.
    /// </summary>
    public virtual Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return write(cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var accounts = AccountChanges.Touches(ChangeTracker);
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            if (accounts)
            {
                AccountChanges.Record();
            }
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var accounts = AccountChanges.Touches(ChangeTracker);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (accounts)
            {
                AccountChanges.Record();
            }
        }
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        // On every context, however it was built, so no code path can change the audit trail. Pooled contexts get it
        // at registration (a pooled context may not change its options here), so this adds it only when missing.
        AppendOnlyAuditInterceptor.AddTo(optionsBuilder);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        BulkExportModel.Configure(builder);

        builder.Entity<Patient>(patient =>
        {
            patient.Property(p => p.Name).HasMaxLength(200);
            patient.Property(p => p.CreatedBy).HasMaxLength(256);
            patient.Property(p => p.Sex).HasConversion(new CodeConverter<Sex>()).HasMaxLength(32);
            patient.Property(p => p.SurgerySide).HasConversion(new CodeConverter<SurgerySide>()).HasMaxLength(32);
            patient.Property(p => p.SurgeryProcedure).HasConversion(new CodeConverter<SurgeryProcedure>()).HasMaxLength(32);
            patient.Property(p => p.Anesthesia).HasConversion(new CodeConverter<Anesthesia>()).HasMaxLength(32);
            patient.Property(p => p.Email).HasMaxLength(320);
            patient.Property(p => p.Phone).HasMaxLength(40);
            patient.HasIndex(p => p.Name);
        });

        builder.Entity<PatientIdentifier>(identifier =>
        {
            identifier.HasOne(i => i.Patient).WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Cascade);
            // One system and value name one patient; a second launch finds the first one's patient.
            identifier.HasIndex(i => new { i.System, i.Value }).IsUnique();
            identifier.HasIndex(i => i.PatientId);
            identifier.Property(i => i.System).HasMaxLength(PatientIdentifier.Limits.System);
            identifier.Property(i => i.Value).HasMaxLength(PatientIdentifier.Limits.Value);
            identifier.Property(i => i.Source).HasMaxLength(PatientIdentifier.Limits.Source);
        });

        builder.Entity<KneeSpineUser>(user =>
        {
            user.HasOne(u => u.Patient).WithOne(p => p.User).HasForeignKey<KneeSpineUser>(u => u.PatientId).OnDelete(DeleteBehavior.SetNull);
            user.HasIndex(u => u.PatientId).IsUnique();
        });

        builder.Entity<Assessment>(assessment =>
        {
            assessment.HasOne(a => a.Patient).WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
            // Two concurrent edits of one version both claim the next version number; one of them must fail.
            assessment.HasIndex(a => new { a.SeriesId, a.Version }).IsUnique();
            assessment.HasIndex(a => a.SupersedesId).IsUnique();
            assessment.HasIndex(a => new { a.PatientId, a.AssessedOn });
            assessment.Property(a => a.Triage).HasConversion(new CodeConverter<TriageLevel>()).HasMaxLength(32);
            assessment.Property(a => a.KnowledgeBaseVersion).HasMaxLength(32);
            assessment.Property(a => a.CreatedBy).HasMaxLength(256);
            assessment.Property(a => a.EditReason).HasMaxLength(Assessment.Limits.EditReason);
            assessment.Property(a => a.Authored).HasMaxLength(Assessment.Limits.Authored);
        });

        builder.Entity<WorklistItem>(item =>
        {
            item.HasOne(i => i.Patient).WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
            item.HasOne(i => i.Assessment).WithMany().HasForeignKey(i => i.AssessmentId).OnDelete(DeleteBehavior.Restrict);
            // One item per stored assessment version.
            item.HasIndex(i => i.AssessmentId).IsUnique();
            // The worklist reads open items; the patient list asks for each patient's open items.
            item.HasIndex(i => new { i.AcknowledgedAt, i.OpenedAt });
            item.HasIndex(i => new { i.PatientId, i.AcknowledgedAt });
            item.Property(i => i.Triage).HasConversion(new CodeConverter<TriageLevel>()).HasMaxLength(32);
            item.Property(i => i.Action).HasConversion(new CodeConverter<WorklistAction>()).HasMaxLength(64);
            item.Property(i => i.AlertIds).HasMaxLength(WorklistItem.Limits.AlertIds);
            item.Property(i => i.AcknowledgedBy).HasMaxLength(WorklistItem.Limits.AcknowledgedBy);
            item.Property(i => i.Note).HasMaxLength(WorklistItem.Limits.Note);
            item.Ignore(i => i.IsOpen);
        });

        builder.Entity<OutboxMessage>(message =>
        {
            message.Property(m => m.Kind).HasConversion(new CodeConverter<OutboxMessageKind>()).HasMaxLength(16);
            message.Property(m => m.Topic).HasMaxLength(OutboxMessage.Limits.Topic);
            message.Property(m => m.Recipient).HasMaxLength(OutboxMessage.Limits.Recipient);
            message.Property(m => m.Subject).HasMaxLength(OutboxMessage.Limits.Subject);
            message.Property(m => m.DeduplicationKey).HasMaxLength(OutboxMessage.Limits.DeduplicationKey);
            message.Property(m => m.LastError).HasMaxLength(OutboxMessage.Limits.LastError);
            message.Property(m => m.LeasedBy).HasMaxLength(OutboxMessage.Limits.LeasedBy);
            message.HasIndex(m => m.DeduplicationKey).IsUnique();
            // The sender's query: unsent messages whose next attempt is due.
            message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            message.HasIndex(m => m.WorklistItemId);
            message.HasIndex(m => m.PatientId);
        });

        builder.Entity<ReportRow>(row =>
        {
            row.HasKey(r => r.SeriesId);
            row.Property(r => r.Sex).HasConversion(new CodeConverter<Sex>()).HasMaxLength(32);
            row.Property(r => r.Anesthesia).HasConversion(new CodeConverter<Anesthesia>()).HasMaxLength(32);
            row.Property(r => r.Procedure).HasConversion(new CodeConverter<SurgeryProcedure>()).HasMaxLength(32);
            row.Property(r => r.Side).HasConversion(new CodeConverter<SurgerySide>()).HasMaxLength(32);
            row.Property(r => r.Triage).HasConversion(new CodeConverter<TriageLevel>()).HasMaxLength(32);
            // Reports filter on the surgery date first; follow-up completion asks for each patient's latest assessment.
            row.HasIndex(r => r.SurgeryDate);
            row.HasIndex(r => new { r.PatientId, r.AssessedOn });
            row.HasIndex(r => r.StoredAt);
        });

        builder.Entity<ReportFinding>(finding =>
        {
            finding.HasKey(f => new { f.SeriesId, f.Kind, f.FindingId });
            finding.Property(f => f.Kind).HasConversion(new CodeConverter<ReportFindingKind>()).HasMaxLength(16);
            finding.Property(f => f.FindingId).HasMaxLength(64);
            finding.HasOne<ReportRow>().WithMany().HasForeignKey(f => f.SeriesId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PersonalAccessToken>(token =>
        {
            token.HasOne<KneeSpineUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.Property(t => t.Prefix).HasMaxLength(16);
            token.Property(t => t.Name).HasMaxLength(100);
        });

        builder.Entity<CdsFeedback>(feedback =>
        {
            // Same card and outcome posted twice is stored once.
            feedback.HasIndex(f => new { f.ServiceId, f.CardId, f.Outcome }).IsUnique();
            feedback.Property(f => f.ServiceId).HasMaxLength(64);
            feedback.Property(f => f.CardId).HasMaxLength(128);
            feedback.Property(f => f.Outcome).HasMaxLength(32);
            feedback.Property(f => f.Issuer).HasMaxLength(512);
        });

        builder.Entity<CdsTokenUse>(use =>
        {
            use.HasKey(u => new { u.Issuer, u.JwtId });
            use.Property(u => u.Issuer).HasMaxLength(512);
            use.Property(u => u.JwtId).HasMaxLength(256);
            use.HasIndex(u => u.ExpiresAt);
        });

        builder.Entity<AuditEvent>(audit =>
        {
            audit.Property(e => e.Action).HasConversion(new CodeConverter<AuditAction>()).HasMaxLength(32);
            audit.Property(e => e.Outcome).HasConversion(new CodeConverter<AuditOutcome>()).HasMaxLength(16);
            audit.Property(e => e.UserId).HasMaxLength(AuditEvent.Limits.UserId);
            audit.Property(e => e.UserName).HasMaxLength(AuditEvent.Limits.UserName);
            audit.Property(e => e.Role).HasMaxLength(AuditEvent.Limits.Role);
            audit.Property(e => e.Client).HasMaxLength(AuditEvent.Limits.Client);
            audit.Property(e => e.Resource).HasMaxLength(AuditEvent.Limits.Resource);
            audit.Property(e => e.RemoteAddress).HasMaxLength(AuditEvent.Limits.RemoteAddress);
            audit.Property(e => e.UserAgent).HasMaxLength(AuditEvent.Limits.UserAgent);
            audit.Property(e => e.Detail).HasMaxLength(AuditEvent.Limits.Detail);
            // Two indexes only (every request pays for them): the date range and one patient's history.
            audit.HasIndex(e => e.OccurredAt);
            audit.HasIndex(e => new { e.PatientId, e.OccurredAt });
        });
    }
}
