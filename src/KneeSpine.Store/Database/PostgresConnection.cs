using System.Data.Common;
using Npgsql;

namespace KneeSpine.Store.Database;

/// <summary>The PostgreSQL connection settings KneeSpine uses unless the configured connection string says otherwise.</summary>
public static class PostgresConnection
{
    /// <summary>Connections one process opens at most; requests beyond that wait for one (asynchronously).</summary>
    public const int MaxPoolSize = 16;

    /// <summary>
    /// <paramref name="connectionString"/> with a pool of <see cref="MaxPoolSize"/> (ADR-061). Statements are not
    /// prepared automatically unless the connection string asks for it (ADR-138: after a broken connection Npgsql can
    /// reuse a command whose preparation never finished, and fail on the next, healthy connection). Whatever the
    /// connection string sets itself is kept.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!GivenKeys(connectionString).Overlaps(["MaximumPoolSize", "MaxPoolSize"]))
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
