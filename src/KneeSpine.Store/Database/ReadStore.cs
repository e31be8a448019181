using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeSpine.Store.Database;

/// <summary>
/// The database for heavy reads (ADR-137): reports, bulk exports and <c>kneespine report</c> read through
/// <see cref="Db"/>. With <see cref="DatabaseOptions.ReadReplicaConnectionString"/> set it is a context on the
/// streaming standby; without, it is the scope's ordinary (primary) context, so callers need not care which. Write
/// nothing through it: a standby refuses writes, and callers keep their writes on the primary context.
/// </summary>
public sealed class ReadStore : IAsyncDisposable, IDisposable
{
    private readonly PostgresKneeSpineDbContext? _replica;

    public ReadStore(KneeSpineDbContext primary, IOptions<DatabaseOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (settings.Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(settings.ReadReplicaConnectionString))
        {
            // Not pooled: a pool serves one options set per context type, and the primary's pool has it. Reads here
            // are few and long (a report, an export page), so building a context per scope costs nothing that matters.
            _replica = new PostgresKneeSpineDbContext(new DbContextOptionsBuilder<PostgresKneeSpineDbContext>()
                .UseNpgsql(PostgresConnection.WithDefaults(settings.ReadReplicaConnectionString))
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .Options);
        }

        Db = _replica ?? primary;
    }

    public KneeSpineDbContext Db { get; }

    /// <summary>Whether <see cref="Db"/> is the replica.</summary>
    public bool IsReplica => _replica is not null;

    /// <summary>
    /// How old the data read here may be: now minus the commit time of the last transaction the replica replayed, or
    /// zero when it has replayed all it has received (an idle primary sends nothing, so the timestamp alone would make
    /// a caught-up replica look old). Zero on the primary, whose data is current.
    /// </summary>
    public async Task<TimeSpan> LagAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (_replica is null)
        {
            return TimeSpan.Zero;
        }

        var state = (await _replica.Database.SqlQueryRaw<ReplicaState>("""
            SELECT pg_is_in_recovery() AS "InRecovery",
                   pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() AS "CaughtUp",
                   pg_last_xact_replay_timestamp() AS "ReplayedAt"
            """).ToListAsync(cancellationToken).ConfigureAwait(false)).Single();
        if (!state.InRecovery || state.CaughtUp || state.ReplayedAt is not { } replayed)
        {
            return TimeSpan.Zero;
        }

        return now > replayed ? now - replayed : TimeSpan.Zero;
    }

    public void Dispose() => _replica?.Dispose();

    public ValueTask DisposeAsync() => _replica?.DisposeAsync() ?? ValueTask.CompletedTask;

    private sealed record ReplicaState(bool InRecovery, bool CaughtUp, DateTimeOffset? ReplayedAt);
}
