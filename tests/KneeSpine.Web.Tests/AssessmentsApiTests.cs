using System.Net;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests;

public abstract class AssessmentsApiTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Storing_an_assessment_answers_201_with_result_location_and_audit()
    {
        var (clinician, email) = await ClinicianAsync();
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Assessment Store Patient");
        var input = Inputs.Valid(TestApp.Today.AddDays(-2), daysSinceSurgery: 20, backPain: 5);
        input["redFlags"]!["feverOrChills"] = true;

        var response = await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(input), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await response.ReadObjectAsync();
        var id = stored["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/patients/{patient}/assessments/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, stored["version"]!.GetValue<int>());
        Assert.Equal("urgent", stored["triage"]!.GetValue<string>());
        Assert.Equal("urgent", stored["result"]!["triage"]!["level"]!.GetValue<string>());
        Assert.Equal(20, stored["daysSinceSurgery"]!.GetValue<int>());
        Assert.Equal(5, stored["backPainNow"]!.GetValue<int>());
        Assert.Equal(4, stored["kneePainNow"]!.GetValue<int>());
        Assert.True(stored["input"]!["redFlags"]!["feverOrChills"]!.GetValue<bool>());
        Assert.Equal(App.Time.GetUtcNow(), stored["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(email, stored["createdBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Listing_shows_each_assessment_with_its_summary_oldest_first()
    {
        var (clinician, _) = await ClinicianAsync();
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Assessment List Patient");
        await PostAsync(clinician, patient, Inputs.Valid(TestApp.Today.AddDays(-1), daysSinceSurgery: 50, backPain: 6));
        await PostAsync(clinician, patient, Inputs.Valid(TestApp.Today.AddDays(-30), daysSinceSurgery: 21, backPain: 2));

        var list = await (await clinician.GetAsync($"/api/v1/patients/{patient}/assessments", Cancel)).ReadArrayAsync();

        Assert.Equal([21, 50], list.Select(a => a!["daysSinceSurgery"]!.GetValue<int>()));
        Assert.Equal(["self-care", "soon"], list.Select(a => a!["triage"]!.GetValue<string>()));
        Assert.Equal([2, 6], list.Select(a => a!["backPainNow"]!.GetValue<int>()));
        Assert.All(list, a => Assert.NotNull(a!["result"]!["plan"]));
    }

    [Fact]
    public async Task Patient_record_shows_surgery_details_from_the_latest_assessment()
    {
        var (clinician, _) = await ClinicianAsync();
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Surgery Details Patient");
        var latest = Inputs.Valid(TestApp.Today, daysSinceSurgery: 10);
        latest["surgery"]!["side"] = "left";
        latest["surgery"]!["anesthesia"] = "general";
        await PostAsync(clinician, patient, latest);
        await PostAsync(clinician, patient, Inputs.Valid(TestApp.Today.AddDays(-5), daysSinceSurgery: 5));

        var record = await (await clinician.GetAsync($"/api/v1/patients/{patient}", Cancel)).ReadObjectAsync();

        Assert.Equal(Inputs.Date(TestApp.Today.AddDays(-10)), record["surgery"]!["date"]!.GetValue<string>());
        Assert.Equal("left", record["surgery"]!["side"]!.GetValue<string>());
        Assert.Equal("general", record["surgery"]!["anesthesia"]!.GetValue<string>());
        Assert.Equal(Inputs.Date(TestApp.Today), record["latest"]!["assessedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_later_assessment_that_leaves_out_side_and_procedure_keeps_the_known_ones()
    {
        var (clinician, _) = await ClinicianAsync();
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Known Surgery Patient");
        var first = Inputs.Valid(TestApp.Today.AddDays(-5), daysSinceSurgery: 5);
        first["surgery"]!["side"] = "left";
        first["surgery"]!["procedure"] = "total";
        await PostAsync(clinician, patient, first);
        var later = Inputs.Valid(TestApp.Today, daysSinceSurgery: 10);
        later["surgery"]!.AsObject().Remove("side");
        later["surgery"]!.AsObject().Remove("procedure");
        await PostAsync(clinician, patient, later);

        var record = await (await clinician.GetAsync($"/api/v1/patients/{patient}", Cancel)).ReadObjectAsync();

        Assert.Equal("left", record["surgery"]!["side"]!.GetValue<string>());
        Assert.Equal("total", record["surgery"]!["procedure"]!.GetValue<string>());
        Assert.Equal(Inputs.Date(TestApp.Today.AddDays(-10)), record["surgery"]!["date"]!.GetValue<string>());
    }

    [Fact]
    public async Task Editing_adds_a_version_and_leaves_the_original_unchanged()
    {
        var (clinician, _) = await ClinicianAsync();
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Versioned Patient");
        var original = await PostAsync(clinician, patient, Inputs.Valid(TestApp.Today, backPain: 2));
        var v1 = original["id"]!.GetValue<Guid>();
        var originalCreatedAt = original["createdAt"]!.GetValue<DateTimeOffset>();
        App.Time.Advance(TimeSpan.FromMinutes(5));

        var edited = Inputs.Valid(TestApp.Today, backPain: 7);
        var response = await clinician.PutAsync($"/api/v1/patients/{patient}/assessments/{v1}", Inputs.Json(edited), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var v2 = await response.ReadObjectAsync();
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        Assert.Equal(v1, v2["supersedesId"]!.GetValue<Guid>());
        Assert.Equal(original["seriesId"]!.GetValue<Guid>(), v2["seriesId"]!.GetValue<Guid>());
        Assert.Equal(originalCreatedAt.AddMinutes(5), v2["createdAt"]!.GetValue<DateTimeOffset>());

        var first = await (await clinician.GetAsync($"/api/v1/patients/{patient}/assessments/{v1}", Cancel)).ReadObjectAsync();
        Assert.Equal(2, first["input"]!["backPain"]!["intensityNow"]!.GetValue<int>());
        Assert.False(first["isCurrent"]!.GetValue<bool>());
        Assert.Equal(originalCreatedAt, first["createdAt"]!.GetValue<DateTimeOffset>());

        var list = await (await clinician.GetAsync($"/api/v1/patients/{patient}/assessments", Cancel)).ReadArrayAsync();
        Assert.Equal([7], list.Select(a => a!["backPainNow"]!.GetValue<int>()));

        var history = await (await clinician.GetAsync($"/api/v1/patients/{patient}/assessments/{v1}/versions", Cancel)).ReadArrayAsync();
        Assert.Equal([1, 2], history.Select(a => a!["version"]!.GetValue<int>()));
        Assert.Equal([false, true], history.Select(a => a!["isCurrent"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Editing_a_superseded_version_is_a_409_conflict()
    {
        var (clinician, _) = await ClinicianAsync();
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Conflict Patient");
        var v1 = (await PostAsync(clinician, patient, Inputs.Valid()))["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.Created, (await clinician.PutAsync($"/api/v1/patients/{patient}/assessments/{v1}", Inputs.Json(Inputs.Valid()), Cancel)).StatusCode);

        var again = await clinician.PutAsync($"/api/v1/patients/{patient}/assessments/{v1}", Inputs.Json(Inputs.Valid()), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invalid_assessment_gives_400_by_path_and_stores_nothing()
    {
        var (clinician, _) = await ClinicianAsync();
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Invalid Input Patient");
        var input = Inputs.Valid();
        input["redFlags"]!.AsObject().Remove("calfSwellingOrPain");

        var response = await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(input), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("redFlags.calfSwellingOrPain"));
        Assert.Equal(0, await App.WithServiceAsync<KneeSpineDbContext, int>(db => db.Assessments.CountAsync(a => a.PatientId == patient, Cancel)));
    }

    [Fact]
    public async Task Cross_site_style_form_post_is_refused_with_415_and_stores_nothing()
    {
        var (clinician, _) = await ClinicianAsync();
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Form Post Patient");
        var form = new StringContent(Inputs.Valid().ToJsonString(), System.Text.Encoding.UTF8, "text/plain");

        var response = await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", form, Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await App.WithServiceAsync<KneeSpineDbContext, int>(db => db.Assessments.CountAsync(a => a.PatientId == patient, Cancel)));
    }

    [Fact]
    public async Task Assessment_dated_in_the_future_is_rejected()
    {
        var (clinician, _) = await ClinicianAsync();
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Future Date Patient");

        var response = await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(Inputs.Valid(TestApp.Today.AddDays(5))), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("assessedOn"));
    }

    [Fact]
    public async Task Patient_can_store_and_read_assessments_of_their_own_record()
    {
        var (clinician, _) = await ClinicianAsync();
        var own = await PatientsApiTests.CreatePatientAsync(clinician, "Self Reporting Patient");
        var patient = await App.ClientAsync(Roles.Patient, own);

        var stored = await patient.PostAsync($"/api/v1/patients/{own}/assessments", Inputs.Json(Inputs.Valid()), Cancel);
        var list = await (await patient.GetAsync($"/api/v1/patients/{own}/assessments", Cancel)).ReadArrayAsync();

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Single(list);
    }

    [Fact]
    public async Task Assessment_of_another_patient_is_not_found_through_the_wrong_patient_id()
    {
        var (clinician, _) = await ClinicianAsync();
        var a = await PatientsApiTests.CreatePatientAsync(clinician, "Owner Patient");
        var b = await PatientsApiTests.CreatePatientAsync(clinician, "Other Patient");
        var id = (await PostAsync(clinician, a, Inputs.Valid()))["id"]!.GetValue<Guid>();

        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync($"/api/v1/patients/{b}/assessments/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.PutAsync($"/api/v1/patients/{b}/assessments/{id}", Inputs.Json(Inputs.Valid()), Cancel)).StatusCode);
    }

    private async Task<(HttpClient Client, string Email)> ClinicianAsync()
    {
        var email = $"clinician-{Guid.NewGuid():N}@example.org";
        var (_, token) = await App.CreateAccountAsync(Roles.Clinician, email: email);
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return (client, email);
    }

    [Fact]
    public async Task Storing_for_an_unknown_patient_gives_404_and_stores_nothing()
    {
        var (clinician, _) = await ClinicianAsync();
        var unknown = Guid.NewGuid();

        var response = await clinician.PostAsync($"/api/v1/patients/{unknown}/assessments", Inputs.Json(Inputs.Valid()), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await App.WithServiceAsync<KneeSpineDbContext, int>(db => db.Assessments.CountAsync(a => a.PatientId == unknown, Cancel)));
    }

    [Fact]
    public async Task Many_concurrent_writers_are_all_stored_without_a_server_error()
    {
        var (clinician, _) = await ClinicianAsync();
        var patients = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => PatientsApiTests.CreatePatientAsync(clinician, $"Concurrent Patient {n}")));

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(n =>
            clinician.PostAsync($"/api/v1/patients/{patients[n % patients.Length]}/assessments", Inputs.Json(Inputs.Valid(TestApp.Today.AddDays(-(n % 5)))), Cancel)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = patients.ToList();
        Assert.Equal(60, await App.WithServiceAsync<KneeSpineDbContext, int>(db => db.Assessments.CountAsync(a => ids.Contains(a.PatientId), Cancel)));
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> PostAsync(HttpClient client, Guid patient, System.Text.Json.Nodes.JsonObject input)
    {
        var response = await client.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(input), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadObjectAsync();
    }
}

public sealed class AssessmentsApiOnSqlite(SqliteApp app) : AssessmentsApiTests(app), IClassFixture<SqliteApp>;

public sealed class AssessmentsApiOnPostgres(PostgresApp app) : AssessmentsApiTests(app), IClassFixture<PostgresApp>;
