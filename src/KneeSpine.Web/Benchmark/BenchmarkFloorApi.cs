using System.Text;
using KneeSpine.Store.Assessments;
using KneeSpine.Store.Database;
using KneeSpine.Web.Evaluate;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Benchmark;

/// <summary>
/// The load test's floor (bench/load.sh, ADR-058): the cheapest way to store the row that
/// <c>POST /api/v1/patients/{id}/assessments</c> stores, through the same DbContext, with no authentication,
/// access check, validation or evaluation. Mapped only in the benchmark configuration.
/// </summary>
public static class BenchmarkFloorApi
{
    public const string Route = "/benchmark/floor/patients/{patientId:guid}/assessments";

    public static IHostApplicationBuilder AddKneeSpineBenchmark(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BenchmarkOptions>()
            .Bind(builder.Configuration.GetSection(BenchmarkOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BenchmarkOptions>, BenchmarkOptionsValidation>();
        builder.Services.AddSingleton<FloorRowCache>();
        return builder;
    }

    /// <summary>Maps the floor only in the benchmark environment with the setting on (the options check refuses the setting anywhere else).</summary>
    public static WebApplication MapKneeSpineBenchmark(this WebApplication app)
    {
        if (app.Environment.IsEnvironment(BenchmarkOptions.EnvironmentName)
            && app.Services.GetRequiredService<IOptions<BenchmarkOptions>>().Value.FloorEndpoint)
        {
            app.MapPost(Route, StoreAsync).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    private static async Task<IResult> StoreAsync(
        Guid patientId, HttpRequest request, KneeSpineDbContext db, FloorRowCache rows, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, RequestBody.MaxAssessmentBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return RequestBody.TooLarge();
        }

        if (rows.Get(body) is not { } row)
        {
            return TypedResults.BadRequest();
        }

        var now = time.GetUtcNow();
        var assessment = new Assessment
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            SeriesId = Guid.CreateVersion7(now),
            Version = 1,
            AssessedOn = row.AssessedOn,
            DaysSinceSurgery = row.DaysSinceSurgery,
            Triage = row.Triage,
            BackPainNow = row.BackPainNow,
            KneePainNow = row.KneePainNow,
            KnowledgeBaseVersion = row.KnowledgeBaseVersion,
            InputJson = Encoding.UTF8.GetString(body),
            ResultJson = row.ResultJson,
            CreatedAt = now,
            CreatedBy = "benchmark-floor",
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/patients/{patientId}/assessments/{assessment.Id}");
    }
}
