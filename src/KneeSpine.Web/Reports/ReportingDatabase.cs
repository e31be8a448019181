using KneeSpine.Store.Database;

namespace KneeSpine.Web.Reports;

/// <summary>
/// The one way reports reach the database. By default it is the clinic's own context; a deployment with a read
/// replica (<c>KneeSpine:Database:ReadReplicaConnectionString</c>) registers its own <see cref="ReportingDatabase"/>
/// over a context on the replica, so reports, the report CLI and exports never load the primary.
/// </summary>
public class ReportingDatabase(KneeSpineDbContext db)
{
    /// <summary>A context for reading only: nothing is ever saved through it.</summary>
    public KneeSpineDbContext Db => db;
}
