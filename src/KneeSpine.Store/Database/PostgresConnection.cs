using System.Data.Common;
using Npgsql;

namespace KneeSpine.Store.Database;

/// <summary>The PostgreSQL connection settings KneeSpine uses unless the configured connection string says otherwise.</summary>
public static class PostgresConnection
{
    /// <summary>Statements used this often on one connection are prepared on the server and kept.</summary>
    public const int AutoPrepareMinUsages = 2;

    /// <summary>How many statements one connection keeps prepared (the app issues a few dozen distinct ones).</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>Connections one process opens at most; requests beyond that wait for one (asynchronously).</summary>
    public const int MaxPoolSize = 16;

    /// <summary>
    /// <paramref name="connectionString"/> with a pool of <see cref="MaxPoolSize"/> and automatic preparation
    /// (ADR-061): the same few statements run for every request, so PostgreSQL parses and plans each once per
    /// connection instead of on every call. Whatever the connection string sets itself is kept.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        var given = GivenKeys(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Overlaps(["MaxAutoPrepare"]))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.Overlaps(["AutoPrepareMinUsages"]))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        if (!given.Overlaps(["MaximumPoolSize", "MaxPoolSize"]))
        {
            builder.MaxPoolSize = MaxPoolSize;
        }

        return builder.ConnectionString;
    }

    // The keys the text itself gives, without spaces, any case: the generic builder holds only those (Npgsql's
    // builder answers for every keyword it knows).
    private static HashSet<string> GivenKeys(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
