using System.Net.Sockets;
using KneeSpine.Web.Problems;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KneeSpine.Web.Tests.Security;

/// <summary>
/// Which failures mean "the database cannot be reached" (503 with Retry-After on every surface) however they arrive:
/// thrown by the driver, wrapped by EF Core or by an aggregate, or reported by the driver as a broken connection's state.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string, Exception> Unavailable() => new()
    {
        { "refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "wrapped by EF Core's execution strategy", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Exception while reading from stream", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)))) },
        { "hung", new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt")) },
        { "server shutting down", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "second of an aggregate", new AggregateException(new ArgumentException("other"), new NpgsqlException("Failed to connect")) },
        { "a broken connection's state, from the driver", FromDriver(new InvalidOperationException("Connection is not open"), "Npgsql") },
        { "a disposed stream, from the driver", FromDriver(new ObjectDisposedException("NetworkStream"), "Npgsql") },
        { "sqlite file missing", new SqliteException("unable to open database file", 14) },
    };

    public static TheoryData<string, Exception> Bugs() => new()
    {
        { "a query error", new PostgresException("column does not exist", "ERROR", "ERROR", "42703") },
        { "a state error of our own", new InvalidOperationException("Sequence contains no elements") },
        { "a constraint", new SqliteException("UNIQUE constraint failed", 19) },
        { "an aggregate of bugs", new AggregateException(new ArgumentException("a"), new InvalidOperationException("b")) },
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void A_failure_to_reach_the_database_is_recognised(string what, Exception exception) =>
        Assert.True(DatabaseUnavailable.Is(exception), what);

    [Theory]
    [MemberData(nameof(Bugs))]
    public void A_bug_or_bad_data_is_not_taken_for_an_outage(string what, Exception exception) =>
        Assert.False(DatabaseUnavailable.Is(exception), what);

    private static Exception FromDriver(Exception exception, string source)
    {
        exception.Source = source;
        return exception;
    }
}
