using System.Text.Json.Nodes;
using KneeSpine.Cli.Hosting;
using KneeSpine.Cli.Tests.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.FollowUps;
using KneeSpine.Web.Patients;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Tests.FollowUps;

/// <summary><c>kneespine followups due</c> on fresh SQLite data directories, with fixed dates through <c>--as-of</c>.</summary>
public sealed class FollowUpsCommandTests
{
    private static readonly DateOnly Surgery = new(2026, 1, 1);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Due_lists_overdue_patients_as_an_aligned_table_with_the_reminders_sent()
    {
        using var data = new TempDataDirectory();
        var overdue = await SeedPatientAsync(data, "Olive Overdue", Surgery, remindersSent: 1);
        await SeedPatientAsync(data, "Nora Notyet", Surgery.AddDays(10), remindersSent: 0);

        var run = await CliRun.RunAsync("followups", "due", "--as-of", "2026-01-20", "--data", data.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("PATIENT ID", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(overdue.ToString(), lines[1], StringComparison.Ordinal);
        foreach (var (heading, value) in new[] { ("NAME", "Olive Overdue"), ("CHECK-IN", "day 14"), ("DUE", "2026-01-15"), ("DAYS OVERDUE", "5"), ("REMINDERS SENT", "1") })
        {
            Assert.StartsWith(value, lines[1][lines[0].IndexOf(heading, StringComparison.Ordinal)..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Json_writes_the_same_document_as_the_api()
    {
        using var data = new TempDataDirectory();
        var overdue = await SeedPatientAsync(data, "Jay Json", Surgery, remindersSent: 0);

        var run = await CliRun.RunAsync("followups", "due", "--as-of", "2026-01-15", "--json", "--data", data.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var document = JsonNode.Parse(run.Output)!.AsObject();
        Assert.Equal("2026-01-15", document["asOf"]!.GetValue<string>());
        Assert.Equal(1, document["total"]!.GetValue<int>());
        var item = document["items"]![0]!.AsObject();
        Assert.Equal(overdue, item["patientId"]!.GetValue<Guid>());
        Assert.Equal("2026-01-15", item["dueOn"]!.GetValue<string>());
        Assert.False(item["overdue"]!.GetValue<bool>());
        Assert.Equal(0, item["daysOverdue"]!.GetValue<int>());
    }

    [Fact]
    public async Task With_nothing_due_it_says_so()
    {
        using var data = new TempDataDirectory();
        await SeedPatientAsync(data, "Early Bird", Surgery, remindersSent: 0);

        var run = await CliRun.RunAsync("followups", "due", "--as-of", "2026-01-14", "--data", data.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("No check-ins are due on or before 2026-01-14.", run.Output.Trim());
    }

    [Theory]
    [InlineData("20-01-2026")]
    [InlineData("2026-02-30")]
    [InlineData("yesterday")]
    public async Task A_date_that_does_not_read_exits_2_naming_as_of(string date)
    {
        using var data = new TempDataDirectory();

        var run = await CliRun.RunAsync("followups", "due", "--as-of", date, "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--as-of: '{date}' is not a date; use YYYY-MM-DD.", run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace);
        Assert.Equal("", run.Output);
    }

    /// <summary>A patient with a surgery date (as an import leaves it) and <paramref name="remindersSent"/> reminders for the day-14 check-in.</summary>
    private static async Task<Guid> SeedPatientAsync(TempDataDirectory data, string name, DateOnly surgery, int remindersSent)
    {
        await using var app = await CliServices.OpenAsync(data.Path, Cancel);
        await using var scope = app.Services.CreateAsyncScope();
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>()
            .CreateAsync(new CreatePatientRequest(name, new DateOnly(1950, 5, 6), "female", "p@example.org"), "test", Cancel);
        var db = scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>();
        var stored = await db.Patients.FindAsync([patient.Id], Cancel);
        stored!.SurgeryDate = surgery;
        for (var n = 1; n <= remindersSent; n++)
        {
            db.OutboxMessages.Add(ReminderMessage.Create(new ReminderKey(patient.Id, surgery.AddDays(14), n), "p@example.org", "https://clinic.example.org", DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync(Cancel);
        return patient.Id;
    }
}
