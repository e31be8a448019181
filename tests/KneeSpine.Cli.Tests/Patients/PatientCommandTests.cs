using System.Globalization;
using System.Text.Json;
using KneeSpine.Cli.Hosting;
using KneeSpine.Cli.Tests.Accounts;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Tests.Patients;

/// <summary><c>kneespine patient add</c> and <c>patient list</c>: a record made and found by its id, as the API does, and audited.</summary>
public sealed class PatientCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Patient_add_prints_only_the_new_id_and_list_finds_it_by_part_of_the_name()
    {
        using var data = new TempDataDirectory();
        var born = Today.AddYears(-70).AddDays(-1);

        var added = await CliRun.RunAsync("patient", "add", "--name", "Ada Lovelace", "--birth-date", Day(born), "--sex", "female", "--data", data.Path);
        var found = await CliRun.RunAsync("patient", "list", "--search", "LOVE", "--data", data.Path);
        var other = await CliRun.RunAsync("patient", "list", "--search", "nobody", "--data", data.Path);

        Assert.Equal(0, added.ExitCode);
        var id = Guid.Parse(Assert.Single(added.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)), CultureInfo.InvariantCulture);
        Assert.Equal(0, found.ExitCode);
        var lines = found.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["ID", "NAME", "BORN", "(AGE)", "SURGERY", "LATEST", "TRIAGE"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = Assert.Single(lines.Skip(1)).Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal([id.ToString(), "Ada Lovelace", $"{Day(born)} (70)", "-", "-"], row);
        Assert.Equal("No patients match.\n", other.Output);

        var events = await AuditEventsAsync(data);
        var create = Assert.Single(events, e => e.Action == AuditAction.PatientCreate);
        Assert.Equal((AuditOutcome.Success, id, "kneespine-cli"), (create.Outcome, create.PatientId, create.Client));
        Assert.Equal(2, events.Count(e => e.Action == AuditAction.PatientList && e.Outcome == AuditOutcome.Success));
        Assert.Contains(events, e => e.Action == AuditAction.PatientList && e.Detail == "1 patient(s) listed matching 'LOVE'");
    }

    [Fact]
    public async Task Patient_list_shows_each_patient_s_surgery_date_and_latest_triage_as_a_table_and_as_json_lines()
    {
        using var data = new TempDataDirectory();
        await using (var app = await CliServices.OpenAsync(data.Path, Cancel))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Cancel);
        }

        var table = await CliRun.RunAsync("patient", "list", "--data", data.Path);
        var json = await CliRun.RunAsync("patient", "list", "--json", "--data", data.Path);

        Assert.Equal((0, 0), (table.ExitCode, json.ExitCode));
        var patients = json.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(DemoPatients.All.Count, patients.Count);
        Assert.Equal(DemoPatients.All.Select(p => p.Name).Order(StringComparer.Ordinal), patients.Select(p => p.GetProperty("name").GetString()));
        var rows = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(patients.Count, rows.Count);
        foreach (var (patient, row) in patients.Zip(rows))
        {
            var surgery = patient.GetProperty("surgery").GetProperty("date").GetString()!;
            var latest = patient.GetProperty("latest");
            Assert.StartsWith(patient.GetProperty("id").GetString()!, row, StringComparison.Ordinal);
            Assert.Contains("  " + patient.GetProperty("name").GetString() + "  ", row, StringComparison.Ordinal);
            Assert.Contains("  " + surgery + "  ", row, StringComparison.Ordinal);
            Assert.EndsWith($"{latest.GetProperty("triage").GetString()} ({latest.GetProperty("assessedOn").GetString()})", row, StringComparison.Ordinal);
            Assert.Contains(latest.GetProperty("triage").GetString(), Code<TriageLevel>.All);
        }
    }

    [Fact]
    public async Task Patient_list_filters_as_the_web_patient_list_does_and_gives_the_apis_items()
    {
        using var data = new TempDataDirectory();
        HashSet<string> withOpenEmergency;
        await using (var app = await CliServices.OpenAsync(data.Path, Cancel))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Cancel);
            var db = scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>();
            withOpenEmergency = [.. (await db.WorklistItems.Where(i => i.AcknowledgedAt == null && i.Triage == TriageLevel.Emergency)
                .Select(i => i.PatientId).Distinct().ToListAsync(Cancel)).Select(id => id.ToString())];
        }

        var run = await CliRun.RunAsync("patient", "list", "--open-item", "emergency", "--json", "--data", data.Path);

        Assert.Equal(0, run.ExitCode);
        var patients = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(withOpenEmergency);
        Assert.Equal(withOpenEmergency.Order(StringComparer.Ordinal), patients.Select(p => p.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        foreach (var patient in patients)
        {
            // The list item of GET /api/v1/patients: the open item and the next follow-up come with it.
            Assert.Equal("emergency", patient.GetProperty("openItem").GetProperty("triage").GetString());
            Assert.True(patient.TryGetProperty("nextFollowUp", out _));
        }
    }

    [Theory]
    [InlineData("--sort", "age", "--sort: Unknown sort 'age'")]
    [InlineData("--open-item", "red", "--open-item: Unknown openItem 'red'")]
    public async Task Patient_list_with_a_bad_filter_names_the_option_and_exits_2(string option, string value, string message)
    {
        using var data = new TempDataDirectory();

        var run = await CliRun.RunAsync("patient", "list", option, value, "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("kneespine: " + message, run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace, run.Error);
    }

    [Theory]
    [InlineData(" ", "1950-01-01", "--name: Enter the patient's name.")]
    [InlineData("Future Child", "2999-01-01", "--birth-date: The date of birth cannot be in the future.")]
    public async Task Patient_add_with_a_bad_field_names_the_option_exits_2_and_stores_nothing(string name, string born, string message)
    {
        using var data = new TempDataDirectory();

        var run = await CliRun.RunAsync("patient", "add", "--name", name, "--birth-date", born, "--sex", "male", "--data", data.Path);
        var list = await CliRun.RunAsync("patient", "list", "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("kneespine: " + message, run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace, run.Error);
        Assert.Equal("No patients match.\n", list.Output);
        Assert.Contains(await AuditEventsAsync(data), e => e.Action == AuditAction.PatientCreate && e.Outcome == AuditOutcome.Failure);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<List<AuditEvent>> AuditEventsAsync(TempDataDirectory data)
    {
        await using var app = await CliServices.OpenAsync(data.Path, Cancel);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>().AuditEvents.AsNoTracking().ToListAsync(Cancel);
    }
}
