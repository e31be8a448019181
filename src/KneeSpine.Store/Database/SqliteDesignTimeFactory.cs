using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KneeSpine.Store.Database;

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteKneeSpineDbContext</c> build the model without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKneeSpineDbContext>
{
    public SqliteKneeSpineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKneeSpineDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
