using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KneeSpine.Store.Database;

/// <summary>The SQLite database (single node, the default). Migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteKneeSpineDbContext(DbContextOptions<SqliteKneeSpineDbContext> options) : KneeSpineDbContext(options)
{
    private SemaphoreSlim? _writeGate;

    private SemaphoreSlim WriteGate => _writeGate ??= SqliteWriteGate.For(Database.GetConnectionString()!);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        WriteGate.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    public override async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        await WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await write(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            WriteGate.Release();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date-time-offset type; as a binary number the values still sort and compare in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
