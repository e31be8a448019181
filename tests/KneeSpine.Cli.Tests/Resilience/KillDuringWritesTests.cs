using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using KneeSpine.Cli.Tests.Processes;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KneeSpine.Cli.Tests.Resilience;

/// <summary>
/// The server is killed with SIGKILL in the middle of a stream of assessment writes and started again on the same data:
/// every write that was answered 201 is there, intact, and the database opens and serves as before (ADR-055).
/// </summary>
public sealed class KillDuringWritesTests
{
    private const int Writers = 8;
    private const int KillAfterAcknowledged = 40;

    /// <summary>How many 503-with-Retry-After answers a run may meet before they count as a failure.</summary>
    private const int MaxTransient = 5;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task Every_write_answered_201_before_a_sigkill_is_there_intact_after_the_restart(TestDatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        string token;
        Guid patient;
        Outcome writes;
        await using (var first = await ServerProcess.StartAsync(database, ServerProcess.EnvironmentFor(database, withAdmin: true), "first run"))
        {
            token = await ServerProcess.CreateAdminTokenAsync(database);
            using var client = first.CreateClient(token);
            patient = await CreatePatientAsync(client);
            writes = await WriteUntilKilledAsync(first, client, patient);
        }

        Assert.Empty(writes.Unexpected);
        Assert.True(writes.Acknowledged.Count >= KillAfterAcknowledged, $"only {writes.Acknowledged.Count} writes were answered 201");
        Assert.True(writes.CutMidRequest > 0, "no write was in flight when the server was killed, so the test proved nothing");

        await using var second = await ServerProcess.StartAsync(database, name: "after the kill");
        using var again = second.CreateClient(token);
        foreach (var write in writes.Acknowledged)
        {
            var response = await again.GetAsync($"/api/v1/patients/{patient}/assessments/{write.Id}", Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"write {write.Marker} ({write.Id}) answered 201 but is {response.StatusCode} after the restart");
            var stored = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);
            Assert.Equal(write.Marker, stored!["input"]!["activity"]!["exerciseMinutesPerWeek"]!.GetValue<int>());
            Assert.Equal(write.Marker % 11, stored["input"]!["backPain"]!["intensityNow"]!.GetValue<int>());
            Assert.True(JsonNode.DeepEquals(write.Result, stored["result"]), $"write {write.Marker}: the stored result differs from the one answered");
        }

        var listed = await again.GetFromJsonAsync<JsonArray>($"/api/v1/patients/{patient}/assessments", Cancel);
        Assert.InRange(listed!.Count, writes.Acknowledged.Count, writes.Acknowledged.Count + writes.Unanswered);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(again, patient, marker: 4999)).StatusCode);
        Assert.DoesNotContain("fail:", second.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("crit:", second.Log, StringComparison.Ordinal);
        Assert.InRange(await CountStoredAsync(database), writes.Acknowledged.Count + 1, writes.Acknowledged.Count + 1 + writes.Unanswered);
    }

    /// <summary>Writers post without pause; after enough 201s the server is killed while requests are on the wire.</summary>
    private static async Task<Outcome> WriteUntilKilledAsync(ServerProcess server, HttpClient client, Guid patient)
    {
        var acknowledged = new ConcurrentQueue<Write>();
        var unexpected = new ConcurrentQueue<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = 0;
        var cut = 0;
        var unanswered = 0;
        var transient = 0;
        var next = 0;

        async Task WriteAsync()
        {
            while (true)
            {
                var marker = Interlocked.Increment(ref next);
                var startedBeforeKill = Volatile.Read(ref killed) == 0;
                try
                {
                    using var response = await PostAsync(client, patient, marker);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);
                        acknowledged.Enqueue(new Write(marker, body!["id"]!.GetValue<Guid>(), body["result"]!.DeepClone()));
                        if (acknowledged.Count >= KillAfterAcknowledged)
                        {
                            enough.TrySetResult();
                        }
                    }
                    else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null
                        && Interlocked.Increment(ref transient) <= MaxTransient)
                    {
                        // The documented transient answer ("not stored, try again"): a client retries, as this one does.
                        // Seen rarely under concurrent SQLite writes (Microsoft.Data.Sqlite's pool-return race,
                        // dotnet/efcore#36591). Such a write must not have been stored: the count checks below have no
                        // slack for it.
                        await Task.Delay(TimeSpan.FromMilliseconds(50), Cancel);
                    }
                    else
                    {
                        unexpected.Enqueue($"write {marker}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
                        enough.TrySetResult();
                        return;
                    }
                }
                catch (HttpRequestException error) when (Volatile.Read(ref killed) == 1)
                {
                    // Refused: sent after the process was gone, so never stored. Anything else may or may not have been stored.
                    if (error.InnerException is not SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                    {
                        Interlocked.Increment(ref unanswered);
                        if (startedBeforeKill)
                        {
                            Interlocked.Increment(ref cut);
                        }
                    }

                    return;
                }
            }
        }

        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync, Cancel)).ToArray();
        // However slow the machine, the writes go on while they make progress; only a server that stops answering fails.
        await Progress.WaitAsync(enough.Task, () => acknowledged.Count + unexpected.Count, "writes answered 201");
        Volatile.Write(ref killed, 1);
        server.Kill();
        // After the kill every writer ends at once (refused or cut); the ceiling only turns a hang into a failure.
        await Task.WhenAll(writers).WaitAsync(Progress.Ceiling, Cancel);
        return new Outcome([.. acknowledged], [.. unexpected], cut, unanswered);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid patient, int marker)
    {
        var input = JsonNode.Parse(File.ReadAllText(RepositorySpec.InputOf("01-mild-pain-after-spinal")))!;
        // Each write carries its own marker, so what comes back can be matched to what was sent.
        input["activity"]!["exerciseMinutesPerWeek"] = marker;
        input["backPain"]!["intensityNow"] = marker % 11;
        return client.PostAsync(
            $"/api/v1/patients/{patient}/assessments", new StringContent(input.ToJsonString(), Encoding.UTF8, "application/json"), Cancel);
    }

    private static async Task<Guid> CreatePatientAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/patients", new { name = "Killed Midstream", birthDate = "1958-04-02", sex = "female" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();
    }

    /// <summary>Counts the rows straight from the database; on SQLite, first the file's own integrity check.</summary>
    private static async Task<int> CountStoredAsync(TestDatabase database)
    {
        if (database.Provider == Store.Database.DatabaseProvider.Postgres)
        {
            await using var pg = new NpgsqlConnection(database.ConnectionString);
            await pg.OpenAsync(Cancel);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM \"Assessments\"", pg);
            return Convert.ToInt32(await count.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var sqlite = new SqliteConnection(database.ConnectionString + ";Mode=ReadOnly");
        await sqlite.OpenAsync(Cancel);
        await using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", (string?)await command.ExecuteScalarAsync(Cancel));
        command.CommandText = "SELECT count(*) FROM Assessments;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Write(int Marker, Guid Id, JsonNode Result);

    private sealed record Outcome(IReadOnlyList<Write> Acknowledged, IReadOnlyList<string> Unexpected, int CutMidRequest, int Unanswered);
}
