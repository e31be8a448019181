using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KneeSpine.Store.Database;

/// <summary>The SQLite database (single node, the default). Migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteKneeSpineDbContext(DbContextOptions<SqliteKneeSpineDbContext> options) : KneeSpineDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date-time-offset type; as a binary number the values still sort and compare in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
