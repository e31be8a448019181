using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KneeSpine.Web.Tests.Security;

/// <summary>
/// The database goes away and comes back while the app runs: meanwhile every surface (API, FHIR, pages, readiness)
/// answers 503 with Retry-After in its own format and without internals, within a bounded time; afterwards normal
/// service resumes by itself, with no restart.
/// </summary>
public sealed partial class DatabaseOutageTests
{
    // Bounded, so a hang fails the test; generous, so a busy machine does not (the app answers within its connection timeouts).
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_the_sqlite_file_is_unreachable_calls_get_503_with_retry_after_and_the_app_recovers_when_it_returns()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite);
        var callers = await Callers.CreateAsync(app);
        var directory = app.Database.DataDirectory;
        var away = directory + ".away";

        SqliteConnection.ClearAllPools();
        Directory.Move(directory, away);
        Answers during;
        try
        {
            during = await callers.CallAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Move(away, directory);
        }

        await AssertUnavailableAsync(during);
        await AssertServedAsync(await callers.CallAsync(), app);
    }

    [Fact]
    public async Task While_the_postgres_server_refuses_connections_calls_get_503_with_retry_after_and_the_app_recovers_when_it_returns()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Postgres);
        await using var relay = StartRelay(database);
        await using var app = TestApp.Start(database, Through(relay, database));
        var callers = await Callers.CreateAsync(app);
        await AssertServedAsync(await callers.CallAsync(), app);
        // Several idle connections in the pool, all cut by the outage: the first calls afterwards must not meet them.
        await callers.CallConcurrentlyAsync(8);

        relay.Refuse();
        var during = await callers.CallAsync();
        relay.Restore();

        await AssertUnavailableAsync(during);
        await AssertServedAsync(await callers.CallAsync(), app);

        // A restart that no request saw: the pool still holds the cut connections. The first use may meet one and answer
        // 503 (Npgsql then drops them all); the retry that Retry-After asks for is served.
        relay.Refuse();
        relay.Restore();
        var first = await callers.Api.GetAsync($"/api/v1/patients/{callers.Patient}", Cancel);
        Assert.True(first.StatusCode == HttpStatusCode.OK || first.Headers.RetryAfter is not null, $"{first.StatusCode} without Retry-After");
        await AssertServedAsync(await callers.CallAsync(), app);
    }

    [Theory]
    [InlineData(TestDatabaseKind.Sqlite)]
    [InlineData(TestDatabaseKind.Postgres)]
    public async Task While_the_database_is_unreachable_no_get_route_answers_500_and_every_one_that_needs_it_answers_503_with_retry_after(TestDatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var relay = kind == TestDatabaseKind.Postgres ? StartRelay(database) : null;
        await using var app = TestApp.Start(database, relay is null ? null : Through(relay, database));
        var callers = await Callers.CreateAsync(app);
        var routes = await GetRoutes.CreateAsync(app, callers.Patient);
        Assert.Contains($"/fhir/Patient/{callers.Patient}", routes.Paths);
        Assert.Contains($"/fhir/Patient/{callers.Patient}/$everything", routes.Paths);
        Assert.Contains(routes.Paths, p => p.StartsWith("/fhir/QuestionnaireResponse/", StringComparison.Ordinal));
        Assert.Contains(routes.Paths, p => p.StartsWith("/fhir/AuditEvent?", StringComparison.Ordinal));
        var before = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal);
        foreach (var path in routes.Paths)
        {
            before[path] = (await routes.GetAsync(path, Cancel)).StatusCode;
        }

        var during = new List<(string Path, HttpResponseMessage Response, string Body)>();
        await WhileUnreachableAsync(database, relay, async () =>
        {
            foreach (var path in routes.Paths)
            {
                using var bound = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
                bound.CancelAfter(Bound);
                var response = await routes.GetAsync(path, bound.Token);
                during.Add((path, response, await response.Content.ReadAsStringAsync(bound.Token)));
            }
        });

        var problems = during
            .Where(d => d.Response.StatusCode == HttpStatusCode.InternalServerError
                || (d.Response.StatusCode == HttpStatusCode.ServiceUnavailable && d.Response.Headers.RetryAfter?.Delta != TimeSpan.FromSeconds(5))
                || d.Body.Contains("Exception", StringComparison.Ordinal) || StackFrame().IsMatch(d.Body))
            .Select(d => $"{d.Path}: {(int)d.Response.StatusCode} {d.Body[..Math.Min(200, d.Body.Length)]}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\nlogged:\n" + string.Join("\n", app.Logs.Messages));
        // The routes that read records answered 503 (not a stale 200): the patient, its assessments and FHIR resources.
        Assert.All(during.Where(d => d.Path.Contains(callers.Patient.ToString(), StringComparison.Ordinal) && before[d.Path] == HttpStatusCode.OK),
            d => Assert.True(d.Response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{d.Path}: {(int)d.Response.StatusCode}"));
        foreach (var path in routes.Paths)
        {
            // A 503 with Retry-After asks the client to come back (a connection the pool had before the outage may fail
            // once); a client that does so must get the old answer. Anything else, at once, is a failure.
            var status = (await routes.GetAsync(path, Cancel)).StatusCode;
            for (var tries = 1; status == HttpStatusCode.ServiceUnavailable && before[path] != HttpStatusCode.ServiceUnavailable && tries < 10; tries++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
                status = (await routes.GetAsync(path, Cancel)).StatusCode;
            }

            Assert.True(status == before[path], $"{path} did not answer as before once the database was back: {(int)status}\nlogged:\n{string.Join("\n", app.Logs.Messages)}");
        }
    }

    [Fact]
    public async Task While_the_postgres_server_hangs_calls_end_in_503_within_the_connection_timeouts_and_the_app_recovers()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Postgres);
        await using var relay = StartRelay(database);
        // Short timeouts keep the test short; production keeps Npgsql's (15 s to connect, 30 s per command).
        await using var app = TestApp.Start(database, Through(relay, database, "Timeout=2;Command Timeout=2;Cancellation Timeout=500"));
        var callers = await Callers.CreateAsync(app);
        await AssertServedAsync(await callers.CallAsync(), app);

        relay.Stall();
        var during = await callers.CallAsync();
        relay.Restore();

        await AssertUnavailableAsync(during);
        await AssertServedAsync(await callers.CallAsync(), app);
    }

    /// <summary>Runs <paramref name="calls"/> while the database is away: the SQLite folder moved, or the PostgreSQL relay refusing.</summary>
    private static async Task WhileUnreachableAsync(TestDatabase database, TcpForwarder? relay, Func<Task> calls)
    {
        var directory = database.DataDirectory;
        var away = directory + ".away";
        if (relay is null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Move(directory, away);
        }
        else
        {
            relay.Refuse();
        }

        try
        {
            await calls();
        }
        finally
        {
            if (relay is null)
            {
                SqliteConnection.ClearAllPools();
                Directory.Move(away, directory);
            }
            else
            {
                relay.Restore();
            }
        }
    }

    private static TcpForwarder StartRelay(TestDatabase database)
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return TcpForwarder.Start(server.Host!, server.Port);
    }

    private static Dictionary<string, string?> Through(TcpForwarder relay, TestDatabase database, string extra = "")
    {
        var through = new NpgsqlConnectionStringBuilder(database.ConnectionString + (extra.Length == 0 ? "" : ";" + extra))
        {
            Host = "127.0.0.1",
            Port = relay.Port,
        };
        return new() { ["KneeSpine:Database:ConnectionString"] = through.ConnectionString };
    }

    private static async Task AssertUnavailableAsync(Answers answers)
    {
        foreach (var response in new[] { answers.Api, answers.Fhir, answers.Page, answers.Ready })
        {
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage!.RequestUri}: {response.StatusCode}");
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Sqlite", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("application/problem+json", answers.Api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/fhir+json", answers.Fhir.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"transient\"", await answers.Fhir.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("text/html", answers.Page.Content.Headers.ContentType?.MediaType);
        var page = await answers.Page.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>The service is not available right now</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Try again in 5 seconds.", page, StringComparison.Ordinal);
    }

    private static async Task AssertServedAsync(Answers answers, TestApp app)
    {
        foreach (var response in new[] { answers.Api, answers.Fhir, answers.Page, answers.Ready })
        {
            Assert.True(
                response.StatusCode == HttpStatusCode.OK,
                $"{response.RequestMessage!.RequestUri}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}\nlogged:\n{string.Join("\n", app.Logs.Messages)}");
        }

        Assert.Contains("Outage Patient", await answers.Page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    /// <summary>An API client with a token, a signed-in browser, and the patient they both look at.</summary>
    private sealed record Callers(HttpClient Api, HttpClient Browser, Guid Patient)
    {
        public static async Task<Callers> CreateAsync(TestApp app)
        {
            var api = await app.ClientAsync(Roles.Clinician);
            var patient = await PatientsApiTests.CreatePatientAsync(api, "Outage Patient");
            var email = $"outage-{Guid.NewGuid():N}@example.org";
            await app.CreateAccountAsync(Roles.Clinician, email: email);
            var browser = await app.SignInWithCookieAsync(email);
            return new Callers(api, browser, patient);
        }

        public async Task CallConcurrentlyAsync(int count)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => CallAsync()));
            Assert.All(answers.SelectMany(a => new[] { a.Api, a.Fhir, a.Page, a.Ready }), response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        }

        /// <summary>One call per surface, all within <see cref="Bound"/> (a hang fails the test).</summary>
        public async Task<Answers> CallAsync()
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            bound.CancelAfter(Bound);
            using var page = new HttpRequestMessage(HttpMethod.Get, $"/patients/{Patient}");
            page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.8));
            return new Answers(
                await Api.GetAsync($"/api/v1/patients/{Patient}", bound.Token),
                await Api.GetAsync($"/fhir/Patient/{Patient}", bound.Token),
                await Browser.SendAsync(page, bound.Token),
                await Api.GetAsync("/health/ready", bound.Token));
        }
    }

    // A .NET stack frame ("   at Namespace.Type.Method("), not the word "at" in a page's text.
    [GeneratedRegex(@"^\s+at [\w.`<>]+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    private sealed record Answers(HttpResponseMessage Api, HttpResponseMessage Fhir, HttpResponseMessage Page, HttpResponseMessage Ready);
}
