using System.Net;
using System.Text.Json.Nodes;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.FollowUps;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Worklist;

/// <summary>
/// <c>GET /api/v1/patients</c> sorted, filtered and paged in the database, on both providers. Each test names its
/// patients with a marker and searches for it, so the shared database's other patients stay out of the way.
/// </summary>
public abstract class PatientListTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    private static DateOnly Today => TestApp.Today;

    [Fact]
    public async Task Patients_with_the_most_severe_open_item_come_first_and_the_filter_selects_them()
    {
        var (clinician, marker) = await StartAsync();
        var none = await PatientAsync(clinician, marker, "A none", Levels.Calm(Today));
        var urgent = await PatientAsync(clinician, marker, "B urgent", Levels.Urgent(Today));
        var emergencyThenCalm = await PatientAsync(clinician, marker, "C emergency", Levels.Emergency(Today));
        App.Time.Advance(TimeSpan.FromMinutes(1));
        await Levels.StoreAsync(clinician, emergencyThenCalm, Levels.Calm(Today));

        var sorted = await ListAsync(clinician, marker, "sort=open-item");
        var emergencies = await ListAsync(clinician, marker, "openItem=emergency");
        var urgentOrWorse = await ListAsync(clinician, marker, "openItem=urgent");
        var withoutItem = await ListAsync(clinician, marker, "openItem=none");

        Assert.Equal([emergencyThenCalm, urgent, none], Ids(sorted));
        Assert.Equal([emergencyThenCalm], Ids(emergencies));
        Assert.Equal([urgent, emergencyThenCalm], Ids(urgentOrWorse));
        Assert.Equal([none], Ids(withoutItem));
        var c = Items(sorted)[0];
        Assert.Equal("self-care", c["latest"]!["triage"]!.GetValue<string>());
        Assert.Equal("emergency", c["openItem"]!["triage"]!.GetValue<string>());
        Assert.Null(Items(sorted)[2]["openItem"]);
    }

    [Fact]
    public async Task Overdue_follow_up_is_computed_in_the_database_as_the_schedule_says()
    {
        var (clinician, marker) = await StartAsync();
        // Surgery 50 days ago, last seen on day 14: the day-42 check-in was due 8 days ago.
        var missed42 = await PatientAsync(clinician, marker, "A missed", Inputs.Valid(Today.AddDays(-36), daysSinceSurgery: 14));
        // Surgery 50 days ago, seen on day 45: day 42 is done, day 90 is 40 days away.
        var done42 = await PatientAsync(clinician, marker, "B done", Inputs.Valid(Today.AddDays(-5), daysSinceSurgery: 45));
        // Surgery 10 days ago, seen today: day 14 is in 4 days.
        var early = await PatientAsync(clinician, marker, "C early", Inputs.Valid(Today, daysSinceSurgery: 10));
        var noSurgery = await PatientsApiTests.CreatePatientAsync(clinician, marker + " D no surgery");

        var overdue = await ListAsync(clinician, marker, "overdue=true");
        var byFollowUp = await ListAsync(clinician, marker, "sort=follow-up");

        Assert.Equal([missed42], Ids(overdue));
        Assert.Equal([missed42, early, done42, noSurgery], Ids(byFollowUp));
        var options = new FollowUpOptions();
        foreach (var patient in Items(byFollowUp))
        {
            DateOnly? surgery = patient["surgery"] is { } s ? DateOnly.Parse(s["date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null;
            DateOnly? latest = patient["latest"] is { } l ? DateOnly.Parse(l["assessedOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null;
            var expected = FollowUpSchedule.Next(surgery, latest, Today, options);
            Assert.Equal(expected is null ? null : Inputs.Date(expected.DueOn), patient["nextFollowUp"]?["dueOn"]?.GetValue<string>());
            Assert.Equal(expected?.Overdue, patient["nextFollowUp"]?["overdue"]?.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Last_assessment_and_days_since_surgery_sort_and_filter()
    {
        var (clinician, marker) = await StartAsync();
        var recentSurgery = await PatientAsync(clinician, marker, "A recent", Inputs.Valid(Today.AddDays(-1), daysSinceSurgery: 5));
        var oldSurgery = await PatientAsync(clinician, marker, "B old", Inputs.Valid(Today.AddDays(-30), daysSinceSurgery: 80));
        var middle = await PatientAsync(clinician, marker, "C middle", Inputs.Valid(Today.AddDays(-10), daysSinceSurgery: 30));
        var never = await PatientsApiTests.CreatePatientAsync(clinician, marker + " D never");

        Assert.Equal([recentSurgery, middle, oldSurgery, never], Ids(await ListAsync(clinician, marker, "sort=days-since-surgery")));
        Assert.Equal([never, oldSurgery, middle, recentSurgery], Ids(await ListAsync(clinician, marker, "sort=last-assessed")));
        Assert.Equal([middle], Ids(await ListAsync(clinician, marker, "minDaysSinceSurgery=20&maxDaysSinceSurgery=60")));
        Assert.Equal([oldSurgery, never], Ids(await ListAsync(clinician, marker, $"lastAssessedBefore={Inputs.Date(Today.AddDays(-20))}")));
    }

    [Fact]
    public async Task The_list_comes_50_a_page_with_the_total()
    {
        var (clinician, marker) = await StartAsync();
        await Task.WhenAll(Enumerable.Range(0, 52).Select(n => PatientsApiTests.CreatePatientAsync(clinician, $"{marker} {n:D2}")));

        var first = await (await clinician.GetAsync($"/api/v1/patients?search={marker}", Cancel)).ReadObjectAsync();
        var second = await (await clinician.GetAsync($"/api/v1/patients?search={marker}&page=2", Cancel)).ReadObjectAsync();

        Assert.Equal(52, first["total"]!.GetValue<int>());
        Assert.Equal(50, first["pageSize"]!.GetValue<int>());
        Assert.Equal(50, Items(first).Count);
        Assert.Equal([$"{marker} 50", $"{marker} 51"], Items(second).Select(p => p["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_bad_sort_or_filter_answers_400_naming_it()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);

        var response = await clinician.GetAsync("/api/v1/patients?sort=age&openItem=red&minDaysSinceSurgery=9&maxDaysSinceSurgery=3", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(["maxDaysSinceSurgery", "openItem", "sort"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    private async Task<(HttpClient Clinician, string Marker)> StartAsync() =>
        (await App.ClientAsync(Roles.Clinician), "List" + Guid.NewGuid().ToString("N")[..10]);

    private static async Task<Guid> PatientAsync(HttpClient clinician, string marker, string name, JsonObject input)
    {
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, $"{marker} {name}");
        await Levels.StoreAsync(clinician, patient, input);
        return patient;
    }

    private static async Task<JsonObject> ListAsync(HttpClient client, string marker, string query)
    {
        var response = await client.GetAsync($"/api/v1/patients?search={marker}&{query}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    private static List<JsonObject> Items(JsonObject page) => [.. page["items"]!.AsArray().Select(p => p!.AsObject())];

    private static List<Guid> Ids(JsonObject page) => [.. Items(page).Select(p => p["id"]!.GetValue<Guid>())];
}

public sealed class PatientListOnSqlite(SqliteApp app) : PatientListTests(app), IClassFixture<SqliteApp>;

public sealed class PatientListOnPostgres(PostgresApp app) : PatientListTests(app), IClassFixture<PostgresApp>;
