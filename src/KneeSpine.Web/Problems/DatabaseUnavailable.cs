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

    /// <summary>
    /// Whether <paramref name="exception"/>, or any exception inside it (every inner exception of an
    /// <see cref="AggregateException"/> too, and whatever EF Core or Npgsql wrapped), means the database cannot be reached.
    /// </summary>
    public static bool Is(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            if (IsItself(current))
            {
                return true;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return false;
    }

    public static void AddRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsItself(Exception exception) => exception switch
    {
        SqliteException sqlite => SqliteUnavailable.Contains(sqlite.SqliteErrorCode),
        PostgresException postgres => IsUnavailableState(postgres.SqlState),
        // Npgsql's own failures are about the connection (network, timeouts, a broken or closed connector); it says so
        // with IsTransient too, and any other provider's transient DbException means the same.
        NpgsqlException => true,
        System.Data.Common.DbException db => db.IsTransient,
        SocketException or TimeoutException => true,
        // A connection that broke under another operation is reported by the driver as a plain state error
        // ("Connection is not open", a disposed stream); thrown by the driver itself, it is the connection, not our code.
        InvalidOperationException or ObjectDisposedException or IOException => IsFromDriver(exception),
        _ => false,
    };

    private static bool IsFromDriver(Exception exception) =>
        exception.Source is "Npgsql" or "Microsoft.Data.Sqlite";

    // 08: connection exception; 53: insufficient resources; 57P: shut down or not accepting connections;
    // 3D000: database missing; 55000 is what a database with ALLOW_CONNECTIONS false answers.
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state.StartsWith("57P", StringComparison.Ordinal) || state is "3D000" or "55000";
}
