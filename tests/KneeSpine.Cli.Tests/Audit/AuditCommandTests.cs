using System.Text.Json.Nodes;
using KneeSpine.Cli.Hosting;
using KneeSpine.Cli.Tests.Accounts;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Fhir.Bulk;
using KneeSpine.Web.Patients;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Tests.Audit;

/// <summary><c>kneespine audit</c>, and the events the other commands write for it, on fresh SQLite data directories.</summary>
public sealed class AuditCommandTests
{
    private const string Password = "a long enough password";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task User_add_and_token_create_are_recorded_and_the_table_lists_them_newest_first()
    {
        using var data = new TempDataDirectory();
        await CliRun.RunWithInputAsync(Password + "\n", "user", "add", "--email", "ada@example.org", "--role", "clinician", "--data", data.Path);
        await CliRun.RunAsync("token", "create", "--user", "ada@example.org", "--name", "reports", "--data", data.Path);

        var run = await CliRun.RunAsync("audit", "--data", data.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("TIME (UTC)", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("token-create", lines[1], StringComparison.Ordinal);
        Assert.Contains("token 'reports' for ada@example.org", lines[1], StringComparison.Ordinal);
        Assert.Contains("user-create", lines[2], StringComparison.Ordinal);
        Assert.Contains("clinician account ada@example.org", lines[2], StringComparison.Ordinal);
        Assert.All(lines[1..], l => Assert.Contains("success", l, StringComparison.Ordinal));
        Assert.All(lines[1..], l => Assert.Contains(Environment.UserName + " via kneespine-cli", l, StringComparison.Ordinal));
        // The columns line up: every row's action starts where the heading does.
        var column = lines[0].IndexOf("ACTION", StringComparison.Ordinal);
        Assert.StartsWith("token-create", lines[1][column..], StringComparison.Ordinal);
        Assert.StartsWith("user-create", lines[2][column..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_writes_one_event_per_line_with_every_key_and_reading_the_trail_is_recorded_too()
    {
        using var data = new TempDataDirectory();
        await CliRun.RunWithInputAsync(Password + "\n", "user", "add", "--email", "bo@example.org", "--role", "admin", "--data", data.Path);
        await CliRun.RunAsync("audit", "--data", data.Path);

        var run = await CliRun.RunAsync("audit", "--json", "--data", data.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var events = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["audit-read", "user-create"], events.Select(e => e["action"]!.GetValue<string>()));
        Assert.All(events, e =>
        {
            foreach (var key in new[] { "id", "occurredAt", "action", "outcome", "status", "user", "userId", "role", "tokenId", "client", "patientId", "resource", "remoteAddress", "userAgent", "detail" })
            {
                Assert.True(e.ContainsKey(key), "missing " + key);
            }
        });
        Assert.Equal("1 event(s) listed as a table", events[0]["detail"]!.GetValue<string>());
        Assert.Equal("kneespine user add", events[1]["resource"]!.GetValue<string>());
        Assert.Null(events[1]["patientId"]);
        Assert.True(events[0]["id"]!.GetValue<long>() > events[1]["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Patient_filters_to_events_about_that_record_and_the_json_carries_its_id()
    {
        using var data = new TempDataDirectory();
        var patient = await CreatePatientAsync(data);
        await CliRun.RunWithInputAsync(Password + "\n", "user", "add", "--email", "pat@example.org", "--role", "patient", "--patient", patient.ToString(), "--data", data.Path);
        await CliRun.RunWithInputAsync(Password + "\n", "user", "add", "--email", "doc@example.org", "--role", "clinician", "--data", data.Path);

        var run = await CliRun.RunAsync("audit", "--patient", patient.ToString(), "--json", "--data", data.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var only = JsonNode.Parse(Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal(patient.ToString(), only["patientId"]!.GetValue<string>());
        Assert.Equal("patient account pat@example.org", only["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Action_outcome_user_dates_and_limit_narrow_the_list()
    {
        using var data = new TempDataDirectory();
        await SeedAsync(data, new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), AuditAction.Login, AuditOutcome.Failure, "eve@example.org");
        await SeedAsync(data, new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), AuditAction.Login, AuditOutcome.Success, "eve@example.org");
        await SeedAsync(data, new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), AuditAction.PatientRead, AuditOutcome.Success, "max@example.org");

        async Task<List<string>> DetailsAsync(params string[] filters)
        {
            var run = await CliRun.RunAsync(["audit", "--json", "--action", "login", "--data", data.Path, .. filters]);
            Assert.True(run.ExitCode == 0, run.Error);
            return [.. run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["occurredAt"]!.GetValue<string>()[..10])];
        }

        Assert.Equal(["2026-11-21", "2026-11-20"], await DetailsAsync());
        Assert.Equal(["2026-11-20"], await DetailsAsync("--outcome", "failure"));
        Assert.Equal(["2026-11-21"], await DetailsAsync("--since", "2026-11-21"));
        Assert.Equal(["2026-11-20"], await DetailsAsync("--until", "2026-11-20"));
        Assert.Equal(["2026-11-21"], await DetailsAsync("--limit", "1"));
        Assert.Equal(["2026-11-21", "2026-11-20"], await DetailsAsync("--user", "EVE@"));
        Assert.Empty(await DetailsAsync("--user", "max@"));
        Assert.Equal(["2026-11-20"], await DetailsAsync("--since", "2026-11-20T07:00:00Z", "--until", "2026-11-20T09:00:00+00:00"));
    }

    [Fact]
    public async Task Fhir_writes_one_R4_AuditEvent_per_line()
    {
        using var data = new TempDataDirectory();
        var patient = await CreatePatientAsync(data);
        await CliRun.RunWithInputAsync(Password + "\n", "user", "add", "--email", "pa@example.org", "--role", "patient", "--patient", patient.ToString(), "--data", data.Path);

        var run = await CliRun.RunAsync("audit", "--fhir", "--data", data.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var audit = Assert.IsType<Hl7.Fhir.Model.AuditEvent>(FhirNdjson.Parse(Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal("user-create", audit.Subtype.Single(c => c.System == KneeSpineCodeSystems.AuditAction).Code);
        Assert.Equal("Patient/" + patient, audit.Entity.Single(e => e.What is not null).What!.Reference);
        Assert.Equal("kneespine command line", audit.Source.Site);
        Assert.Equal(Hl7.Fhir.Model.AuditEvent.AuditEventOutcome.N0, audit.Outcome);
    }

    [Fact]
    public async Task Export_and_import_are_recorded_with_their_counts()
    {
        using var source = new TempDataDirectory();
        using var target = new TempDataDirectory();
        await CreatePatientAsync(source);
        var folder = Path.Combine(source.Path, "export");

        Assert.Equal(0, (await CliRun.RunAsync("export", "--out", folder, "--data", source.Path)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("import", Path.Combine(folder, "Patient.ndjson"), "--data", target.Path)).ExitCode);

        var exported = JsonNode.Parse((await CliRun.RunAsync("audit", "--json", "--action", "bulk-export", "--data", source.Path)).Output)!;
        var imported = JsonNode.Parse((await CliRun.RunAsync("audit", "--json", "--action", "bulk-import", "--data", target.Path)).Output)!;
        Assert.Equal("exported Patient 1", exported["detail"]!.GetValue<string>());
        Assert.StartsWith("kneespine export --out ", exported["resource"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Imported 1,", imported["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("success", imported["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refused_user_add_is_recorded_as_a_failure_with_the_reason()
    {
        using var data = new TempDataDirectory();

        var refused = await CliRun.RunWithInputAsync("short\n", "user", "add", "--email", "x@example.org", "--role", "clinician", "--data", data.Path);
        var run = await CliRun.RunAsync("audit", "--json", "--outcome", "failure", "--data", data.Path);

        Assert.Equal(2, refused.ExitCode);
        var e = JsonNode.Parse(run.Output)!;
        Assert.Equal("user-create", e["action"]!.GetValue<string>());
        Assert.StartsWith("clinician account x@example.org: ", e["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_in_stored_text_cannot_reach_the_terminal_from_the_table()
    {
        using var data = new TempDataDirectory();
        await SeedAsync(data, new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), AuditAction.Login, AuditOutcome.Failure, "\u001b[31mred\u0007@example.org");

        var table = await CliRun.RunAsync("audit", "--data", data.Path);
        var json = await CliRun.RunAsync("audit", "--json", "--action", "login", "--data", data.Path);

        Assert.DoesNotContain('\u001b', table.Output);
        Assert.DoesNotContain('\u0007', table.Output);
        Assert.Contains("?[31mred?@example.org", table.Output, StringComparison.Ordinal);
        Assert.Contains("\\u001B[31mred\\u0007@example.org", json.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--patient", "not-a-uuid", "--patient: 'not-a-uuid' is not a patient id")]
    [InlineData("--since", "yesterday", "--since: 'yesterday' is not a date")]
    [InlineData("--until", "2026-02-30", "--until: '2026-02-30' is not a date")]
    [InlineData("--action", "explode", "explode")]
    [InlineData("--outcome", "maybe", "maybe")]
    [InlineData("--limit", "0", "--limit: '0' is not a whole number of at least 1")]
    [InlineData("--json", "--fhir", "--json and --fhir cannot be used together")]
    public async Task Bad_arguments_exit_2_with_a_message_naming_them(string option, string value, string message)
    {
        using var data = new TempDataDirectory();

        var run = await CliRun.RunAsync("audit", option, value, "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace);
        Assert.Equal("", run.Output);
    }

    private static async Task<Guid> CreatePatientAsync(TempDataDirectory data)
    {
        await using var app = await CliServices.OpenAsync(data.Path, Cancel);
        await using var scope = app.Services.CreateAsyncScope();
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>()
            .CreateAsync(new CreatePatientRequest("Audit Cli Patient", new DateOnly(1951, 3, 4), "male"), "test", Cancel);
        return patient.Id;
    }

    private static async Task SeedAsync(TempDataDirectory data, DateTimeOffset when, AuditAction action, AuditOutcome outcome, string user)
    {
        await using var app = await CliServices.OpenAsync(data.Path, Cancel);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditWriter>().WriteAsync(
            new AuditEvent { OccurredAt = when, Action = action, Outcome = outcome, UserName = user, StatusCode = 200 }, Cancel);
    }
}
