using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Assessments;
using KneeSpine.Web.Evaluate;
using KneeSpine.Web.Tests.Audit;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Web.Tests.Worklist;

/// <summary>
/// The worklist through its API, on both databases: which results open items, when they are due, that nothing but an
/// acknowledgement closes them, the order, the filters, and acknowledging (once, by one clinician, with a known action).
/// </summary>
public abstract class WorklistApiTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task An_emergency_followed_by_a_mild_result_stays_open_and_the_patient_list_shows_both()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var name = "Emergency Then Mild " + Guid.NewGuid().ToString("N")[..6];
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, name);
        var emergency = await Levels.StoreAsync(clinician, patient, Levels.Emergency(TestApp.Today));
        App.Time.Advance(TimeSpan.FromMinutes(1));
        var mild = await Levels.StoreAsync(clinician, patient, Levels.Calm(TestApp.Today));

        var items = await ItemsOfAsync(clinician, patient, "open");
        var item = Assert.Single(items);
        Assert.Equal(emergency["id"]!.GetValue<Guid>(), item["assessmentId"]!.GetValue<Guid>());
        Assert.Equal("emergency", item["triage"]!.GetValue<string>());
        Assert.Equal("open", item["status"]!.GetValue<string>());
        Assert.Contains(item["alerts"]!.AsArray(), a => a!["id"]!.GetValue<string>() == "possible-pulmonary-embolism" && a["title"]!.GetValue<string>().Length > 0);

        var listed = await FindInPatientListAsync(clinician, name);
        Assert.Equal(mild["id"]!.GetValue<Guid>(), listed["latest"]!["id"]!.GetValue<Guid>());
        Assert.Equal("self-care", listed["latest"]!["triage"]!.GetValue<string>());
        Assert.Equal("emergency", listed["openItem"]!["triage"]!.GetValue<string>());
        Assert.Equal(1, listed["openItem"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Each_worrying_level_opens_an_item_due_at_its_own_time_and_a_calm_result_opens_none()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Due Times Patient");
        var openedAt = App.Time.GetUtcNow();

        await Levels.StoreAsync(clinician, patient, Levels.Emergency(TestApp.Today));
        await Levels.StoreAsync(clinician, patient, Levels.Urgent(TestApp.Today));
        await Levels.StoreAsync(clinician, patient, Levels.Soon(TestApp.Today));
        await Levels.StoreAsync(clinician, patient, Levels.Calm(TestApp.Today));

        var due = (await ItemsOfAsync(clinician, patient, "open")).ToDictionary(i => i["triage"]!.GetValue<string>(), i => i["dueBy"]!.GetValue<DateTimeOffset>());
        Assert.Equal(3, due.Count);
        Assert.Equal(openedAt, due["emergency"]);
        Assert.Equal(openedAt.AddHours(4), due["urgent"]);
        Assert.Equal(openedAt.AddDays(3), due["soon"]);
    }

    [Fact]
    public async Task An_item_past_its_due_time_is_overdue_until_acknowledged()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Overdue Patient");
        await Levels.StoreAsync(clinician, patient, Levels.Urgent(TestApp.Today));

        App.Time.Advance(TimeSpan.FromHours(3));
        Assert.False(Assert.Single(await ItemsOfAsync(clinician, patient, "open"))["overdue"]!.GetValue<bool>());

        App.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var item = Assert.Single(await ItemsOfAsync(clinician, patient, "open"));
        Assert.True(item["overdue"]!.GetValue<bool>());

        await AcknowledgeAsync(clinician, item["id"]!.GetValue<Guid>(), "called-patient", "Fever settled.");
        Assert.False(Assert.Single(await ItemsOfAsync(clinician, patient, "acknowledged"))["overdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Open_items_come_first_by_severity_then_age_and_the_status_filter_selects()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Order Patient");
        var soonOld = await StoreAsync(clinician, patient, Levels.Soon(TestApp.Today));
        App.Time.Advance(TimeSpan.FromMinutes(5));
        var urgentOld = await StoreAsync(clinician, patient, Levels.Urgent(TestApp.Today));
        App.Time.Advance(TimeSpan.FromMinutes(5));
        var emergency = await StoreAsync(clinician, patient, Levels.Emergency(TestApp.Today));
        App.Time.Advance(TimeSpan.FromMinutes(5));
        var urgentNew = await StoreAsync(clinician, patient, Levels.Urgent(TestApp.Today));
        App.Time.Advance(TimeSpan.FromMinutes(5));
        var acknowledged = await StoreAsync(clinician, patient, Levels.Emergency(TestApp.Today));
        await AcknowledgeAsync(clinician, await Levels.ItemOfAsync(App, acknowledged), "advised-emergency-department", null);

        var all = await ItemsOfAsync(clinician, patient, "all");
        var open = await ItemsOfAsync(clinician, patient, "open");
        var done = await ItemsOfAsync(clinician, patient, "acknowledged");

        Assert.Equal([emergency, urgentOld, urgentNew, soonOld, acknowledged], all.Select(i => i["assessmentId"]!.GetValue<Guid>()));
        Assert.Equal([emergency, urgentOld, urgentNew, soonOld], open.Select(i => i["assessmentId"]!.GetValue<Guid>()));
        Assert.Equal([acknowledged], done.Select(i => i["assessmentId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task The_list_is_paged_with_the_total()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Paging Patient");
        await StoreAsync(clinician, patient, Levels.Urgent(TestApp.Today));
        await StoreAsync(clinician, patient, Levels.Urgent(TestApp.Today));

        var first = await (await clinician.GetAsync("/api/v1/worklist?status=all&pageSize=1", Cancel)).ReadObjectAsync();
        var second = await (await clinician.GetAsync("/api/v1/worklist?status=all&pageSize=1&page=2", Cancel)).ReadObjectAsync();

        Assert.True(first["total"]!.GetValue<int>() >= 2);
        Assert.Equal(first["total"]!.GetValue<int>(), second["total"]!.GetValue<int>());
        Assert.Single(first["items"]!.AsArray());
        Assert.NotEqual(first["items"]![0]!["id"]!.GetValue<Guid>(), second["items"]![0]!["id"]!.GetValue<Guid>());
        var bad = await clinician.GetAsync("/api/v1/worklist?status=closed&pageSize=1000", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("status"));
        Assert.True(errors.ContainsKey("pageSize"));
    }

    [Fact]
    public async Task Acknowledging_records_who_when_what_and_the_note_and_closes_the_item()
    {
        var (account, token) = await App.CreateAccountAsync(Roles.Clinician);
        var clinician = AuditTrail.Bearer(App, token);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Acknowledge Patient");
        var item = await Levels.ItemOfAsync(App, await StoreAsync(clinician, patient, Levels.Emergency(TestApp.Today)));
        App.Time.Advance(TimeSpan.FromMinutes(12));
        var mark = await AuditTrail.MarkAsync(App);

        var response = await clinician.PostAsJsonAsync($"/api/v1/worklist/{item}/acknowledge", new { action = "advised-emergency-department", note = "Told to call 112 now; ambulance called." }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal("acknowledged", body["status"]!.GetValue<string>());
        Assert.Equal(account.Email, body["acknowledgedBy"]!.GetValue<string>());
        Assert.Equal(App.Time.GetUtcNow(), body["acknowledgedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("advised-emergency-department", body["action"]!.GetValue<string>());
        Assert.Equal("Told to call 112 now; ambulance called.", body["note"]!.GetValue<string>());
        var audit = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal(AuditAction.WorklistAcknowledge, audit.Action);
        Assert.Equal(patient, audit.PatientId);
        Assert.Equal(account.Email, audit.UserName);
        Assert.Empty(await ItemsOfAsync(clinician, patient, "open"));
    }

    [Fact]
    public async Task A_second_acknowledgement_answers_409_and_keeps_the_first()
    {
        var (first, firstToken) = await App.CreateAccountAsync(Roles.Clinician);
        var clinician = AuditTrail.Bearer(App, firstToken);
        var other = await App.ClientAsync(Roles.Admin);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Twice Patient");
        var item = await Levels.ItemOfAsync(App, await StoreAsync(clinician, patient, Levels.Urgent(TestApp.Today)));
        await AcknowledgeAsync(clinician, item, "called-patient", "First.");

        var again = await other.PostAsJsonAsync($"/api/v1/worklist/{item}/acknowledge", new { action = "other", note = "Second." }, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(first.Email!, (await again.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = await App.WithServiceAsync<KneeSpineDbContext, Store.Worklist.WorklistItem>(db => db.WorklistItems.AsNoTracking().SingleAsync(i => i.Id == item, Cancel));
        Assert.Equal(first.Email, stored.AcknowledgedBy);
        Assert.Equal("First.", stored.Note);
        Assert.Equal(Store.Worklist.WorklistAction.CalledPatient, stored.Action);
    }

    [Fact]
    public async Task Of_many_clinicians_acknowledging_at_once_exactly_one_wins()
    {
        var clinicians = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => App.CreateAccountAsync(Roles.Clinician)));
        var first = AuditTrail.Bearer(App, clinicians[0].Token);
        var patient = await PatientsApiTests.CreatePatientAsync(first, "Race Patient");
        var item = await Levels.ItemOfAsync(App, await StoreAsync(first, patient, Levels.Emergency(TestApp.Today)));

        var responses = await Task.WhenAll(clinicians.Select((c, n) =>
            AuditTrail.Bearer(App, c.Token).PostAsJsonAsync($"/api/v1/worklist/{item}/acknowledge", new { action = "called-patient", note = $"Clinician {n}" }, Cancel)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(clinicians.Length - 1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadObjectAsync();
        var stored = await App.WithServiceAsync<KneeSpineDbContext, Store.Worklist.WorklistItem>(db => db.WorklistItems.AsNoTracking().SingleAsync(i => i.Id == item, Cancel));
        Assert.Equal(winner["acknowledgedBy"]!.GetValue<string>(), stored.AcknowledgedBy);
        Assert.Equal(winner["note"]!.GetValue<string>(), stored.Note);
    }

    [Fact]
    public async Task An_unknown_action_answers_400_naming_action_and_changes_nothing()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Bad Action Patient");
        var item = await Levels.ItemOfAsync(App, await StoreAsync(clinician, patient, Levels.Urgent(TestApp.Today)));

        var unknown = await clinician.PostAsJsonAsync($"/api/v1/worklist/{item}/acknowledge", new { action = "phoned", note = "x" }, Cancel);
        var otherWithoutNote = await clinician.PostAsJsonAsync($"/api/v1/worklist/{item}/acknowledge", new { action = "other" }, Cancel);
        var longNote = await clinician.PostAsJsonAsync($"/api/v1/worklist/{item}/acknowledge", new { action = "called-patient", note = new string('n', 4001) }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("called-patient", (await unknown.ReadObjectAsync())["errors"]!["action"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, otherWithoutNote.StatusCode);
        Assert.NotNull((await otherWithoutNote.ReadObjectAsync())["errors"]!["note"]);
        Assert.Equal(HttpStatusCode.BadRequest, longNote.StatusCode);
        Assert.NotNull((await longNote.ReadObjectAsync())["errors"]!["note"]);
        Assert.Equal("open", Assert.Single(await ItemsOfAsync(clinician, patient, "open"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_item_answers_404()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);

        var response = await clinician.PostAsJsonAsync($"/api/v1/worklist/{Guid.NewGuid()}/acknowledge", new { action = "called-patient" }, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_patient_token_gets_403_on_the_worklist_and_cannot_acknowledge()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Patient Token Patient");
        var item = await Levels.ItemOfAsync(App, await StoreAsync(clinician, patient, Levels.Emergency(TestApp.Today)));
        var own = await App.ClientAsync(Roles.Patient, patient);

        var list = await own.GetAsync("/api/v1/worklist", Cancel);
        var acknowledge = await own.PostAsJsonAsync($"/api/v1/worklist/{item}/acknowledge", new { action = "reviewed-no-action" }, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, acknowledge.StatusCode);
        Assert.Single(await ItemsOfAsync(clinician, patient, "open"));
    }

    [Fact]
    public async Task An_edit_of_a_worrying_assessment_opens_an_item_for_the_new_version_and_leaves_the_first_open()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Edited Patient");
        var original = await StoreAsync(clinician, patient, Levels.Urgent(TestApp.Today));
        App.Time.Advance(TimeSpan.FromMinutes(3));

        var edit = await clinician.PutAsync($"/api/v1/patients/{patient}/assessments/{original}", Inputs.Json(Levels.Emergency(TestApp.Today)), Cancel);
        Assert.Equal(HttpStatusCode.Created, edit.StatusCode);
        var version2 = (await edit.ReadObjectAsync())["id"]!.GetValue<Guid>();
        var calmer = await clinician.PutAsync($"/api/v1/patients/{patient}/assessments/{version2}", Inputs.Json(Levels.Calm(TestApp.Today)), Cancel);
        Assert.Equal(HttpStatusCode.Created, calmer.StatusCode);

        var open = await ItemsOfAsync(clinician, patient, "open");
        Assert.Equal([version2, original], open.Select(i => i["assessmentId"]!.GetValue<Guid>()));
        Assert.Equal(["emergency", "urgent"], open.Select(i => i["triage"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_imported_historical_assessment_opens_no_item()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Imported Patient");
        await using var scope = App.Services.CreateAsyncScope();
        var evaluated = scope.ServiceProvider.GetRequiredService<AssessmentEvaluation>()
            .Evaluate(System.Text.Encoding.UTF8.GetBytes(Levels.Emergency(TestApp.Today.AddDays(-200)).ToJsonString()));
        Assert.Equal(Engine.Results.TriageLevel.Emergency, evaluated.Result!.Triage.Level);

        var outcome = await scope.ServiceProvider.GetRequiredService<AssessmentService>()
            .ImportAsync(patient, Guid.NewGuid(), evaluated.Input!, App.Time.GetUtcNow().AddDays(-200), "import", Cancel);

        Assert.NotNull(outcome.Assessment);
        Assert.Empty(await ItemsOfAsync(clinician, patient, "all"));
    }

    [Fact]
    public async Task Reading_the_worklist_is_audited()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var mark = await AuditTrail.MarkAsync(App);

        await AuditTrail.GetAsync(clinician, "/api/v1/worklist?status=all");

        var audit = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal(AuditAction.WorklistRead, audit.Action);
        Assert.Equal(AuditOutcome.Success, audit.Outcome);
    }

    private async Task<Guid> StoreAsync(HttpClient clinician, Guid patient, JsonObject input) =>
        (await Levels.StoreAsync(clinician, patient, input))["id"]!.GetValue<Guid>();

    private static async Task<List<JsonObject>> ItemsOfAsync(HttpClient client, Guid patient, string status)
    {
        var response = await client.GetAsync($"/api/v1/worklist?status={status}&pageSize=200", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadObjectAsync();
        Assert.True(page["total"]!.GetValue<int>() <= 200, "more items than one page: the test would miss some");
        return [.. page["items"]!.AsArray().Select(i => i!.AsObject()).Where(i => i["patientId"]!.GetValue<Guid>() == patient)];
    }

    private static async Task AcknowledgeAsync(HttpClient client, Guid item, string action, string? note)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/worklist/{item}/acknowledge", new { action, note }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonObject> FindInPatientListAsync(HttpClient client, string name)
    {
        var response = await client.GetAsync($"/api/v1/patients?search={Uri.EscapeDataString(name)}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadObjectAsync();
        return Assert.Single(page["items"]!.AsArray())!.AsObject();
    }
}

public sealed class WorklistApiOnSqlite(SqliteApp app) : WorklistApiTests(app), IClassFixture<SqliteApp>;

public sealed class WorklistApiOnPostgres(PostgresApp app) : WorklistApiTests(app), IClassFixture<PostgresApp>;
