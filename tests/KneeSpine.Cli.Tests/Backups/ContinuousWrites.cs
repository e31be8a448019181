using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace KneeSpine.Cli.Tests.Backups;

/// <summary>
/// Clients storing assessments without pause, each write carrying its own marker, until stopped; every 201 is kept
/// with the id and result the server answered, in the order acknowledged.
/// </summary>
internal sealed class ContinuousWrites
{
    private const int Writers = 4;

    private readonly HttpClient _client;
    private readonly Guid _patient;
    private readonly ConcurrentQueue<Write> _acknowledged = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _writers;
    private int _next;

    private ContinuousWrites(HttpClient client, Guid patient)
    {
        _client = client;
        _patient = patient;
        _writers = [.. Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync, TestContext.Current.CancellationToken))];
    }

    public static ContinuousWrites Start(HttpClient client, Guid patient) => new(client, patient);

    /// <summary>The writes answered 201 so far.</summary>
    public IReadOnlyList<Write> Acknowledged => [.. _acknowledged];

    public int AcknowledgedCount => _acknowledged.Count;

    /// <summary>Waits (bounded, generously) until at least <paramref name="count"/> writes were answered 201.</summary>
    public async Task WaitForAsync(int count)
    {
        var limit = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (_acknowledged.Count < count)
        {
            Assert.True(_unexpected.IsEmpty, string.Join("\n", _unexpected));
            Assert.True(DateTime.UtcNow < limit, $"only {_acknowledged.Count} writes were answered 201 in 3 minutes");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Stops the writers and returns any answer that was neither a 201 nor the documented 503-with-Retry-After.</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        _stop.Dispose();
        return [.. _unexpected];
    }

    /// <summary>An assessment input whose fields carry <paramref name="marker"/>, so a stored one can be matched to its write.</summary>
    public static JsonNode Input(int marker)
    {
        var input = JsonNode.Parse(File.ReadAllText(RepositorySpec.InputOf("01-mild-pain-after-spinal")))!;
        input["activity"]!["exerciseMinutesPerWeek"] = marker;
        input["backPain"]!["intensityNow"] = marker % 11;
        return input;
    }

    public static async Task<Guid> CreatePatientAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/patients", new { name = "Backed Up", birthDate = "1958-04-02", sex = "female" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<Guid>();
    }

    private async Task WriteAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var marker = Interlocked.Increment(ref _next);
            using var content = new StringContent(Input(marker).ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await _client.PostAsync($"/api/v1/patients/{_patient}/assessments", content, TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
                _acknowledged.Enqueue(new Write(marker, body!["id"]!.GetValue<Guid>(), body["result"]!.DeepClone()));
            }
            else if (response.StatusCode != HttpStatusCode.ServiceUnavailable || response.Headers.RetryAfter is null)
            {
                _unexpected.Enqueue($"write {marker}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
                return;
            }
        }
    }

    public sealed record Write(int Marker, Guid Id, JsonNode Result);
}
