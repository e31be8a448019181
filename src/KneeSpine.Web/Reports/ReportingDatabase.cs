using KneeSpine.Store.Database;

namespace KneeSpine.Web.Reports;

/// <summary>
/// The one way reports reach the database: through <see cref="ReadStore"/>, so with a read replica
/// (<c>KneeSpine:Database:ReadReplicaConnectionString</c>, ADR-137) reports and the report CLI read the standby and never
/// load the primary. "Data as of" is the newest assessment the report could see, so a lagging replica says so itself.
/// </summary>
public class ReportingDatabase(ReadStore store)
{
    /// <summary>A context for reading only: nothing is ever saved through it.</summary>
    public KneeSpineDbContext Db => store.Db;
}
