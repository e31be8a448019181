namespace KneeSpine.Web.Fhir.Bulk;

/// <summary><c>KneeSpine:Import</c>: how <c>kneespine import</c> stores its batches.</summary>
public sealed class ImportOptions
{
    public const string Section = "KneeSpine:Import";

    /// <summary>
    /// On PostgreSQL, store each batch's new rows by binary COPY (ADR-151). Off stores them with EF Core's batched
    /// inserts, as on SQLite: for comparing the two paths in <c>bench/import.sh</c>; the stored rows are the same.
    /// </summary>
    public bool PostgresCopy { get; set; } = true;

    /// <summary>
    /// On SQLite, store each batch's new rows with one prepared <c>INSERT</c> per table, bound through EF's type
    /// mappings (ADR-166). Off stores them with EF Core's <c>SaveChanges</c>; the stored rows are the same.
    /// </summary>
    public bool SqliteDirectInserts { get; set; } = true;
}
