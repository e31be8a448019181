using System.Globalization;
using System.Security.Claims;
using KneeSpine.Store.Audit;
using KneeSpine.Store.BulkExport;
using KneeSpine.Store.Database;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Fhir;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace KneeSpine.Web.BulkExport;

/// <summary>
/// FHIR Bulk Data Access v2 export (ADR-135): kick-off at the system, Patient and Group levels, status polling,
/// the manifest, the NDJSON files and DELETE to cancel. Admins only; every call is audited.
/// </summary>
internal static class BulkExportEndpoints
{
    public const string NdjsonMediaType = "application/fhir+ndjson";

    public static void MapBulkExport(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/$export", (HttpRequest request, ClaimsPrincipal user, KneeSpineDbContext db, BulkExportSignal signal, TimeProvider time, CancellationToken cancellationToken) =>
                KickOffAsync(request, groupId: null, user, db, signal, time, cancellationToken))
            .RequireAuthorization(Policies.Admin).Audited(AuditAction.BulkExport)
            .WithSummary("Bulk Data export of every patient's resources (Prefer: respond-async)");
        fhir.MapGet("/Patient/$export", (HttpRequest request, ClaimsPrincipal user, KneeSpineDbContext db, BulkExportSignal signal, TimeProvider time, CancellationToken cancellationToken) =>
                KickOffAsync(request, groupId: null, user, db, signal, time, cancellationToken))
            .RequireAuthorization(Policies.Admin).Audited(AuditAction.BulkExport)
            .WithSummary("Bulk Data export at the Patient level (every resource here is in a patient's compartment)");
        fhir.MapGet("/Group/{id}/$export", (string id, HttpRequest request, ClaimsPrincipal user, KneeSpineDbContext db, BulkExportSignal signal, TimeProvider time, CancellationToken cancellationToken) =>
                BulkExportGroups.IsKnown(id)
                    ? KickOffAsync(request, id, user, db, signal, time, cancellationToken)
                    : Task.FromResult<IResult>(FhirOutcomes.NotFound($"Group/{id} is not known; the groups are {BulkExportGroups.All} and {BulkExportGroups.Worklist}.")))
            .RequireAuthorization(Policies.Admin).Audited(AuditAction.BulkExport)
            .WithSummary("Bulk Data export of a group: all (every patient) or worklist (patients with an open worklist item)");
        fhir.MapGet("/$export-status/{id}", StatusAsync).RequireAuthorization(Policies.Admin).Audited(AuditAction.BulkExport)
            .WithSummary("Export status: 202 with X-Progress while running, 200 with the manifest when complete");
        fhir.MapDelete("/$export-status/{id}", CancelAsync).RequireAuthorization(Policies.Admin).Audited(AuditAction.BulkExport)
            .WithSummary("Cancel an export, or delete a finished one's files");
        fhir.MapGet("/$export-file/{id}/{file}", DownloadAsync).RequireAuthorization(Policies.Admin).Audited(AuditAction.BulkExport)
            .WithSummary("One NDJSON output file of a completed export");
    }

    /// <summary>An output file request: NDJSON, whatever the FHIR surface's JSON-only negotiation would say (the IG's Accept is application/fhir+ndjson).</summary>
    public static bool IsFileDownload(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(FhirOutcomeMiddleware.Prefix + "/$export-file", StringComparison.Ordinal);
    }

    private static async Task<IResult> KickOffAsync(
        HttpRequest request, string? groupId, ClaimsPrincipal user, KneeSpineDbContext db, BulkExportSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        var (parsed, error) = BulkExportRequest.Parse(request);
        if (error is not null)
        {
            return error;
        }

        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        var job = new BulkExportJob
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Request = url.Length > BulkExportJob.Limits.Request ? url[..BulkExportJob.Limits.Request] : url,
            GroupId = groupId,
            Types = parsed!.Types is null ? null : string.Join(',', parsed.Types),
            Since = parsed.Since,
            RequestedBy = user.AuditName(),
            TransactionTime = time.GetUtcNow(),
            State = BulkExportState.Queued,
        };
        db.BulkExportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        signal.Kick();
        request.HttpContext.Response.Headers.ContentLocation = BulkExportManifest.StatusUrl(FhirStoredEndpoints.ServerBase(request), job.Id);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> StatusAsync(string id, HttpRequest request, KneeSpineDbContext db, IOptions<BulkExportOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var job = await FindAsync(id, db, time, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return NoSuchExport(id);
        }

        var headers = request.HttpContext.Response.Headers;
        switch (job.State)
        {
            case BulkExportState.Completed:
                var files = await db.BulkExportFiles.AsNoTracking().Where(f => f.JobId == job.Id).OrderBy(f => f.Type).ToListAsync(cancellationToken).ConfigureAwait(false);
                return new BulkExportManifest(job, files, FhirStoredEndpoints.ServerBase(request));
            case BulkExportState.Failed:
                return FhirOutcomes.Result(StatusCodes.Status500InternalServerError, IssueType.Exception,
                    $"The export failed after {job.Attempts} attempts: {job.Error}. Start a new export.");
            default:
                headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                headers["X-Progress"] = job.PatientsTotal is { } total
                    ? $"{job.PatientsDone} of {total} patients"
                    : job.LeasedBy is null ? "queued" : "starting";
                return TypedResults.Accepted((string?)null);
        }
    }

    private static async Task<IResult> CancelAsync(string id, KneeSpineDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var job = await FindAsync(id, db, time, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return NoSuchExport(id);
        }

        // Its files go with it (cascade); a worker running it notices at its next page and stops.
        await db.BulkExportJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> DownloadAsync(string id, string file, HttpContext context, KneeSpineDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var job = await FindAsync(id, db, time, cancellationToken).ConfigureAwait(false);
        var type = file.EndsWith(".ndjson", StringComparison.Ordinal) ? file[..^".ndjson".Length] : file;
        var found = job is { State: BulkExportState.Completed }
            ? await db.BulkExportFiles.AsNoTracking().SingleOrDefaultAsync(f => f.JobId == job.Id && f.Type == type, cancellationToken).ConfigureAwait(false)
            : null;
        if (found is null)
        {
            return FhirOutcomes.NotFound($"No file {file} in a completed export {id}; the manifest lists the files.");
        }

        var response = context.Response;
        response.ContentType = NdjsonMediaType;
        // One chunk in memory at a time, however large the file.
        for (var sequence = 0; sequence < found.Chunks; sequence++)
        {
            var data = await db.BulkExportChunks.AsNoTracking()
                .Where(c => c.JobId == found.JobId && c.Type == found.Type && c.Sequence == sequence)
                .Select(c => c.Data).SingleAsync(cancellationToken).ConfigureAwait(false);
            await response.Body.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.Empty;
    }

    private static async Task<BulkExportJob?> FindAsync(string id, KneeSpineDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, CultureInfo.InvariantCulture, out var jobId))
        {
            return null;
        }

        var job = await db.BulkExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        // Expired is gone, even before the clean-up has deleted it.
        return job is { ExpiresAt: { } expires } && expires <= time.GetUtcNow() ? null : job;
    }

    private static FhirResult NoSuchExport(string id) => FhirOutcomes.NotFound($"No export {id}: it was never started, was cancelled, or has expired.");
}
