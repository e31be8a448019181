using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KneeSpine.Store.Database;

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresKneeSpineDbContext</c> build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKneeSpineDbContext>
{
    public PostgresKneeSpineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKneeSpineDbContext>().UseNpgsql("Host=localhost;Database=kneespine_design").Options);
}
