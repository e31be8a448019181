using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace KneeSpine.Store.Database;

/// <summary>
/// One writer at a time per SQLite file in this process, waited for asynchronously (ADR-059). SQLite allows one
/// writer; when a second one finds the file locked, Microsoft.Data.Sqlite blocks its thread and retries every
/// 150 ms, so 100 concurrent writers queue for seconds. Waiting here instead costs no thread and no sleep.
/// Writers in other processes (a CLI import while the server runs) still meet the library's retry.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string connectionString)
    {
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        return Gates.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
    }
}
