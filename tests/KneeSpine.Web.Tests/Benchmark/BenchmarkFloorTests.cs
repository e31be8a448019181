using System.Net;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Benchmark;
using KneeSpine.Web.Tests.Infrastructure;
using KneeSpine.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.Benchmark;

/// <summary>
/// The load test's floor endpoint (bench/load.sh) stores rows without authentication, so it must exist only in the
/// benchmark configuration: the Benchmark environment and the setting together.
/// </summary>
public sealed class BenchmarkFloorTests
{
    private const string FloorSetting = BenchmarkOptions.Section + ":FloorEndpoint";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_production_the_floor_is_not_mapped_and_a_post_to_its_route_stores_nothing()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite);
        var patient = await PatientsApiTests.CreatePatientAsync(await app.ClientAsync(Roles.Clinician), "Floor Production Patient");

        var response = await app.Anonymous().PostAsync(FloorPath(patient), Inputs.Json(Inputs.Valid()), Cancel);

        Assert.DoesNotContain(AuthorizationMatrixTests.Endpoints(app), e => e.Key.Contains("/benchmark", StringComparison.OrdinalIgnoreCase));
        // Nothing takes the POST: 405 comes from the static-file fallback, which maps GET for every path.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal(0, await CountAsync(app, patient));
    }

    [Fact]
    public async Task Switching_the_floor_on_outside_the_benchmark_environment_stops_the_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            [FloorSetting] = "true",
        }));

        Assert.Contains(FloorSetting, error.Flatten(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_benchmark_environment_alone_does_not_map_the_floor()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["environment"] = BenchmarkOptions.EnvironmentName,
        });

        Assert.DoesNotContain(AuthorizationMatrixTests.Endpoints(app), e => e.Key.Contains("/benchmark", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task In_the_benchmark_configuration_the_floor_stores_the_row_the_api_stores()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["environment"] = BenchmarkOptions.EnvironmentName,
            [FloorSetting] = "true",
        });
        var clinician = await app.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Floor Benchmark Patient");
        var body = Inputs.Valid().ToJsonString();
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(body), Cancel)).StatusCode);

        var floor = await app.Anonymous().PostAsync(FloorPath(patient), Inputs.Json(body), Cancel);

        Assert.Equal(HttpStatusCode.Created, floor.StatusCode);
        var rows = await app.WithServiceAsync<KneeSpineDbContext, List<Store.Assessments.Assessment>>(db =>
            db.Assessments.AsNoTracking().Where(a => a.PatientId == patient).ToListAsync(Cancel));
        Assert.Equal(2, rows.Count);
        var (api, bare) = (rows.Single(r => r.CreatedBy != "benchmark-floor"), rows.Single(r => r.CreatedBy == "benchmark-floor"));
        Assert.Equal(api.ResultJson, bare.ResultJson);
        Assert.Equal(body, bare.InputJson);
        Assert.Equal((api.AssessedOn, api.DaysSinceSurgery, api.Triage, api.BackPainNow, api.KneePainNow), (bare.AssessedOn, bare.DaysSinceSurgery, bare.Triage, bare.BackPainNow, bare.KneePainNow));
    }

    private static string FloorPath(Guid patient) => BenchmarkFloorApi.Route.Replace("{patientId:guid}", patient.ToString(), StringComparison.Ordinal);

    private static Task<int> CountAsync(TestApp app, Guid patient) =>
        app.WithServiceAsync<KneeSpineDbContext, int>(db => db.Assessments.CountAsync(a => a.PatientId == patient, Cancel));
}
