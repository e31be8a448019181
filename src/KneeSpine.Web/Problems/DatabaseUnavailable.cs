using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KneeSpine.Web.Problems;

/// <summary>
/// Recognises failures that mean "the database cannot be reached right now" (as opposed to a bug or bad data),
/// which the app answers with 503 and Retry-After so clients and load balancers back off and try again.
/// </summary>
internal static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 5;

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_NOTADB: the file is missing, locked or unreadable.
    private static readonly int[] SqliteUnavailable = [5, 6, 10, 14, 26];

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when SqliteUnavailable.Contains(sqlite.SqliteErrorCode):
                case PostgresException postgres when IsUnavailableState(postgres.SqlState):
                case NpgsqlException npgsql when npgsql is not PostgresException:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    public static void AddRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // 08: connection exception; 53: insufficient resources; 57P: shut down or not accepting connections;
    // 3D000: database missing; 55000 is what a database with ALLOW_CONNECTIONS false answers.
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state.StartsWith("57P", StringComparison.Ordinal) || state is "3D000" or "55000";
}
