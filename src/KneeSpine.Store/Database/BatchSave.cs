using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace KneeSpine.Store.Database;

/// <summary>
/// Saves a bulk batch (ADR-151, ADR-166). The rows the batch adds go in one table at a time with principals first
/// (PostgreSQL: binary <c>COPY</c>; SQLite: one prepared <c>INSERT</c> per table, run once per row), and whatever else it
/// changed (an update) by <c>SaveChanges</c>, all in one transaction. Columns, types and value conversions come from the
/// EF model, so both write what <c>SaveChanges</c> would and follow the model when it changes; the callers' validation
/// is untouched.
/// </summary>
public static partial class BatchSave
{
    /// <summary>Saves the context's pending changes; <paramref name="bulk"/> false uses <c>SaveChanges</c> on every provider (to compare the two).</summary>
    public static async Task SaveBatchAsync(this KneeSpineDbContext db, bool bulk = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.Database.IsNpgsql();
        if (!bulk || !(postgres || db.Database.IsSqlite()))
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        if (added.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The caller's transaction when it has one (then it commits); otherwise the batch's own.
            var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
            try
            {
                var connection = db.Database.GetDbConnection();
                var current = db.Database.CurrentTransaction!.GetDbTransaction();
                // A row whose key the database makes (a temporary value here) needs SaveChanges to read the key back.
                var direct = PrincipalsFirst(added.Keys).Where(t => !added[t].Any(e => e.Properties.Any(p => p.IsTemporary))).ToList();
                if (postgres)
                {
                    foreach (var type in direct)
                    {
                        await CopyAsync((NpgsqlConnection)connection, type, added[type], cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    // SQLite's one writer, as SaveChanges takes it (the gate is not re-entrant, so SaveChanges comes after).
                    await db.WriteAsync(async token =>
                    {
                        foreach (var type in direct)
                        {
                            await InsertAsync(connection, current, type, added[type], token).ConfigureAwait(false);
                        }

                        return true;
                    }, cancellationToken).ConfigureAwait(false);
                }

                foreach (var entry in direct.SelectMany(t => added[t]))
                {
                    // Stored above: the tracker now sees them as saved, so SaveChanges writes only the rest.
                    entry.State = EntityState.Unchanged;
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEntityType type, List<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Select(p => (Property: p, Name: p.GetColumnName(table), Type: p.GetColumnType(table)))
            .Where(c => c.Name is not null && c.Type is not null).ToList();
        var sql = $"COPY {Quote(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => Quote(c.Name!)))}) FROM STDIN (FORMAT BINARY)";
        // Npgsql names types without their facets: "character varying", not "character varying(16)".
        var typeNames = columns.Select(c => Facets().Replace(c.Type!, "")).ToArray();
        var importer = await connection.BeginBinaryImportAsync(sql, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var entry in entries)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < columns.Count; i++)
                {
                    var property = columns[i].Property;
                    var value = entry.Property(property).CurrentValue;
                    if (value is not null && property.GetTypeMapping().Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        // timestamptz takes UTC only; the instant is the same.
                        await importer.WriteAsync(value is DateTimeOffset at ? at.ToUniversalTime() : value, typeNames[i], cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// SQLite: one <c>INSERT</c> per row through one command (Microsoft.Data.Sqlite keeps the statement prepared), each
    /// value bound by the property's own EF type mapping, which applies the value converter and the parameter type
    /// exactly as <c>SaveChanges</c> does.
    /// </summary>
    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, IEntityType type, List<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Select(p => (Property: p, Name: p.GetColumnName(table), Mapping: p.GetRelationalTypeMapping(), Nullable: p.IsColumnNullable(table)))
            .Where(c => c.Name is not null).ToList();
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {Quote(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => Quote(c.Name!)))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
            var names = columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            foreach (var entry in entries)
            {
                command.Parameters.Clear();
                for (var i = 0; i < columns.Count; i++)
                {
                    var (property, _, mapping, nullable) = columns[i];
                    command.Parameters.Add(mapping.CreateParameter(command, names[i], entry.Property(property).CurrentValue, nullable));
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The batch's types ordered so that every table comes after the tables its foreign keys point to.</summary>
    private static List<IEntityType> PrincipalsFirst(IEnumerable<IEntityType> types)
    {
        var pending = types.ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(t => !t.GetForeignKeys().Any(fk => fk.PrincipalEntityType != t && pending.Contains(fk.PrincipalEntityType)))
                ?? throw new InvalidOperationException("The batch's tables refer to each other in a cycle; COPY cannot order them.");
            ordered.Add(next);
            pending.Remove(next);
        }

        return ordered;
    }

    private static string Quote(string name, string? schema = null) =>
        (schema is null ? "" : "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\".") + "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Facets();
}
