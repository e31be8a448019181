using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests;

public abstract class PatientsApiTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Clinician_creates_a_patient_and_gets_201_with_id_and_location()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);

        var response = await clinician.PostAsJsonAsync("/api/v1/patients", new { name = "Grace Hopper-Test", birthDate = "1950-03-04", sex = "female" }, Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadObjectAsync();
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/patients/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Grace Hopper-Test", created["name"]!.GetValue<string>());
        Assert.Equal(App.Time.GetUtcNow(), created["createdAt"]!.GetValue<DateTimeOffset>());

        var fetched = await (await clinician.GetAsync(response.Headers.Location, Cancel)).ReadObjectAsync();
        Assert.Equal("1950-03-04", fetched["birthDate"]!.GetValue<string>());
        Assert.Equal("female", fetched["sex"]!.GetValue<string>());
        Assert.Null(fetched["surgery"]);
    }

    [Fact]
    public async Task Search_finds_patients_by_part_of_the_name_in_any_case()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await CreatePatientAsync(clinician, $"Alma {marker} Quist");
        await CreatePatientAsync(clinician, $"Bert {marker} Quist");
        await CreatePatientAsync(clinician, "Someone Else");

        var found = await (await clinician.GetAsync($"/api/v1/patients?search={marker.ToUpperInvariant()}", Cancel)).ReadObjectAsync();

        Assert.Equal([$"Alma {marker} Quist", $"Bert {marker} Quist"], found["items"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(2, found["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invalid_patient_gives_400_with_errors_keyed_by_field()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);

        var response = await clinician.PostAsJsonAsync("/api/v1/patients", new { name = " ", birthDate = "2099-01-01", sex = "robot" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(["birthDate", "name", "sex"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Wrongly_typed_or_malformed_json_gives_400_naming_the_problem()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);

        var wrongType = await clinician.PostAsync("/api/v1/patients", Inputs.Json("{\"name\":\"A\",\"birthDate\":\"not a date\",\"sex\":\"female\"}"), Cancel);
        var malformed = await clinician.PostAsync("/api/v1/patients", Inputs.Json("{\"name\":"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("birthDate"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var body = await malformed.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("not valid JSON", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_can_do_what_a_clinician_can()
    {
        var admin = await App.ClientAsync(Roles.Admin);

        var id = await CreatePatientAsync(admin, "Admin Made Patient");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/patients/{id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Without_credentials_the_api_answers_401_problem_not_a_login_redirect()
    {
        var response = await App.Anonymous().GetAsync("/api/v1/patients", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Patient_account_cannot_create_patients()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var own = await CreatePatientAsync(clinician, "Patient With Account");
        var patient = await App.ClientAsync(Roles.Patient, own);

        var response = await patient.PostAsJsonAsync("/api/v1/patients", new { name = "Not Allowed", birthDate = "1950-01-01", sex = "male" }, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Patient_sees_only_their_own_record()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var a = await CreatePatientAsync(clinician, "Patient A Isolation");
        var b = await CreatePatientAsync(clinician, "Patient B Isolation");
        var patientA = await App.ClientAsync(Roles.Patient, a);

        Assert.Equal(HttpStatusCode.OK, (await patientA.GetAsync($"/api/v1/patients/{a}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patientA.GetAsync($"/api/v1/patients/{b}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patientA.GetAsync($"/api/v1/patients/{b}/assessments", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patientA.PostAsync($"/api/v1/patients/{b}/assessments", Inputs.Json(Inputs.Valid()), Cancel)).StatusCode);
        var list = await (await patientA.GetAsync("/api/v1/patients", Cancel)).ReadObjectAsync();
        Assert.Equal([a], list["items"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()));
        Assert.Equal(1, list["total"]!.GetValue<int>());
        var own = await (await patientA.GetAsync($"/api/v1/patients/{a}", Cancel)).ReadObjectAsync();
        Assert.True(own["hasAccount"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unknown_patient_gives_404_problem()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);

        var response = await clinician.GetAsync($"/api/v1/patients/{Guid.NewGuid()}", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    internal static async Task<Guid> CreatePatientAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/patients", new { name, birthDate = "1955-06-15", sex = "male" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();
    }
}

public sealed class PatientsApiOnSqlite(SqliteApp app) : PatientsApiTests(app), IClassFixture<SqliteApp>;

public sealed class PatientsApiOnPostgres(PostgresApp app) : PatientsApiTests(app), IClassFixture<PostgresApp>;
