using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using Resource = Hl7.Fhir.Model.Resource;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.BulkExport;
using KneeSpine.Store.Database;
using KneeSpine.Web.BulkExport;
using KneeSpine.Web.Fhir.Bulk;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Web.Tests.BulkExport;

/// <summary>
/// A running export gives way to the clinic's requests (ADR-170): it waits while one is in flight and goes on when
/// none is, or when <c>KneeSpine:BulkExport:YieldAtMost</c> has passed; and its lines, written straight into byte
/// buffers on several threads, are exactly what Firely's serializer gives.
/// </summary>
public abstract class BulkExportGivesWayTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_export_waits_while_a_clinic_request_is_in_flight_and_then_includes_what_it_stored()
    {
        await using var database = await TestDatabase.CreateAsync(fixture.Kind);
        await using var app = TestApp.Start(database);
        var (_, admin, held, status) = await ExportBehindAHeldRequestAsync(app, "Gives Way Patient");
        await using var heldUntilTheEnd = held;
        var job = await JobAsync(app, status);

        Assert.Equal(BulkExportState.Queued, job.State);
        Assert.Equal(0, job.PatientsDone);

        Assert.Equal(HttpStatusCode.Created, await held.FinishAsync());
        var files = await BulkDataClient.DownloadAsync(admin, await BulkDataClient.WaitForManifestAsync(admin, status));
        // The export read the store only after the request that was in flight had stored its assessment.
        Assert.Equal(2, files["QuestionnaireResponse"].Length);
    }

    [Fact]
    public async Task A_clinic_that_is_never_idle_still_lets_an_export_finish_as_the_wait_limit_passes()
    {
        await using var database = await TestDatabase.CreateAsync(fixture.Kind);
        await using var app = TestApp.Start(database);
        var (clinic, admin, held, status) = await ExportBehindAHeldRequestAsync(app, "Never Idle Patient");
        await using var heldUntilTheEnd = held;
        var manifest = await BulkDataClient.WaitForManifestAsync(admin, status, () => app.Time.Advance(new BulkExportOptions().YieldAtMost));
        var files = await BulkDataClient.DownloadAsync(admin, manifest);

        Assert.True(clinic.Busy, "The request was still in flight when the export completed.");
        Assert.Single(files["Patient"]);
        Assert.Single(files["QuestionnaireResponse"]);
        Assert.Equal(HttpStatusCode.Created, await held.FinishAsync());
    }

    [Fact]
    public async Task Written_lines_are_byte_for_byte_what_firelys_serializer_gives_for_every_exported_type()
    {
        var app = fixture.App;
        var clinician = await app.ClientAsync(Roles.Clinician);
        var patient = await BulkExportTests.SeedAsync(clinician, "Byte For Byte Patient", assessments: 1);
        // An urgent assessment has alerts, so there are Flags too.
        await Worklist.Levels.StoreAsync(clinician, patient, Worklist.Levels.Urgent(TestApp.Today));
        var resources = await app.WithServiceAsync<FhirBulkReader, List<Resource>>(async reader =>
        {
            var all = new List<Resource>();
            await foreach (var page in reader.RecordPagesAsync(db => db.Patients.Where(p => p.Id == patient), since: null, cancellationToken: Cancel))
            {
                all.AddRange(page.SelectMany(reader.Resources));
            }

            return all;
        });

        using var lines = new NdjsonLines();
        foreach (var resource in resources)
        {
            lines.Add(resource);
        }

        var written = lines.Types.ToDictionary(t => t.Type, t => Encoding.UTF8.GetString(t.Bytes.Span), StringComparer.Ordinal);
        Assert.Equal(["CarePlan", "Flag", "Observation", "Patient", "Procedure", "QuestionnaireResponse", "RiskAssessment"], written.Keys);
        foreach (var (type, text) in written)
        {
            Assert.Equal(string.Concat(resources.Where(r => r.TypeName == type).Select(r => FhirNdjson.Line(r) + "\n")), text);
        }

        var single = new ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(single, FhirNdjson.WriterOptions))
        {
            FhirNdjson.Write(writer, resources[0]);
        }

        Assert.Equal(FhirNdjson.Line(resources[0]), Encoding.UTF8.GetString(single.WrittenSpan));
    }

    /// <summary>A patient with one assessment, a clinic request held in flight, and an export kicked off and seen waiting for that request.</summary>
    private static async Task<(ClinicRequests Clinic, HttpClient Admin, HeldRequest Held, Uri Status)> ExportBehindAHeldRequestAsync(TestApp app, string name)
    {
        var clinician = await app.ClientAsync(Roles.Clinician);
        var patient = await BulkExportTests.SeedAsync(clinician, name, assessments: 1);
        var clinic = app.Services.GetRequiredService<ClinicRequests>();
        var admin = await app.ClientAsync(Roles.Admin);
        var held = await HeldRequest.StartAsync(clinician, patient, clinic);
        var status = await BulkDataClient.StartAsync(admin, "/fhir/$export");
        Assert.True(await Poll.UntilAsync(() => Task.FromResult(clinic.Waiting > 0)), "The export never waited for the request in flight.");
        return (clinic, admin, held, status);
    }

    private static Task<BulkExportJob> JobAsync(TestApp app, Uri status)
    {
        var id = Guid.Parse(status.Segments[^1]);
        return app.WithServiceAsync<KneeSpineDbContext, BulkExportJob>(db => db.BulkExportJobs.AsNoTracking().SingleAsync(j => j.Id == id, Cancel));
    }

    /// <summary>A real request kept in flight: an assessment POST whose body is sent only when the test says so.</summary>
    private sealed class HeldRequest : IAsyncDisposable
    {
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Task<HttpResponseMessage>? response;

        public static async Task<HeldRequest> StartAsync(HttpClient clinician, Guid patient, ClinicRequests clinic)
        {
            var held = new HeldRequest();
            var body = await Inputs.Json(Inputs.Valid(TestApp.Today.AddDays(-1))).ReadAsByteArrayAsync(Cancel);
            var content = new HeldContent(body, held.release.Task);
            content.Headers.ContentType = new("application/json");
            held.response = clinician.PostAsync($"/api/v1/patients/{patient}/assessments", content, Cancel);
            Assert.True(await Poll.UntilAsync(() => Task.FromResult(clinic.Busy)), "The held request never reached the app.");
            return held;
        }

        public async Task<HttpStatusCode> FinishAsync()
        {
            release.TrySetResult();
            return (await response!).StatusCode;
        }

        public async ValueTask DisposeAsync()
        {
            release.TrySetResult();
            if (response is not null)
            {
                (await response).Dispose();
            }
        }
    }

    private sealed class HeldContent(byte[] body, Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await release;
            await stream.WriteAsync(body, Cancel);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}

public sealed class BulkExportGivesWayOnSqlite(SqliteApp app) : BulkExportGivesWayTests(app), IClassFixture<SqliteApp>;

public sealed class BulkExportGivesWayOnPostgres(PostgresApp app) : BulkExportGivesWayTests(app), IClassFixture<PostgresApp>;
