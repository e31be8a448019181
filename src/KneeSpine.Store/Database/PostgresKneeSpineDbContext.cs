using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Store.Database;

/// <summary>The PostgreSQL database (several nodes). Migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresKneeSpineDbContext(DbContextOptions<PostgresKneeSpineDbContext> options) : KneeSpineDbContext(options);
