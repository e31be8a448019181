namespace KneeSpine.Store.Database;

/// <summary>The <c>KneeSpine:Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "KneeSpine:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL. For SQLite, defaults to <c>kneespine.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL only, optional: a streaming standby of the primary. Reports, bulk exports and <c>kneespine report</c>
    /// read from it (<see cref="ReadStore"/>); writes and the clinic's own reads stay on <see cref="ConnectionString"/>.
    /// </summary>
    public string? ReadReplicaConnectionString { get; set; }

    /// <summary>SQLite only: <c>normal</c> (default) or <c>full</c>; see <see cref="Database.SqliteSynchronous"/>.</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;
}
