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
    /// <paramref name="connectionString"/> with automatic preparation switched on (ADR-061): the same few statements
    /// run for every request, so PostgreSQL parses and plans each once per connection instead of on every call.
    /// Whatever the connection string sets itself is kept.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!Mentions(connectionString, "Auto Prepare Min Usages", "AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        if (!Mentions(connectionString, "Maximum Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = MaxPoolSize;
        }

        return builder.ConnectionString;
    }

    // The generic builder holds only the keys the text itself gives (Npgsql's knows every keyword), under any spelling.
    private static bool Mentions(string connectionString, params string[] keys)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(key => keys.Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), key.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));
    }
}
