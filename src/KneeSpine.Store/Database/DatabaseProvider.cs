namespace KneeSpine.Store.Database;

/// <summary>Which database server holds the data (<c>KneeSpine:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>A file under the data directory; one node.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server; any number of nodes.</summary>
    Postgres,
}
