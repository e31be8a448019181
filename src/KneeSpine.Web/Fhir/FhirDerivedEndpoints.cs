using System.Globalization;
using System.Security.Claims;
using Hl7.Fhir.Model;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Fhir;

/// <summary>
/// Read for every type KneeSpine emits inside bundles (ADR-120), so each <c>fullUrl</c> resolves: the resources
/// derived from a stored assessment (their ids start with the assessment version's id), the knee replacement
/// Procedure (its id starts with the patient's) and AuditEvent (admins only).
/// </summary>
internal static class FhirDerivedEndpoints
{
    /// <summary>The types derived from a stored assessment.</summary>
    public static readonly string[] AssessmentTypes = ["RiskAssessment", "Flag", "CarePlan", "Observation"];

    public static IEndpointRouteBuilder MapFhirDerivedReads(this IEndpointRouteBuilder fhir)
    {
        foreach (var type in AssessmentTypes)
        {
            fhir.MapGet($"/{type}/{{id}}", (string id, HttpRequest request, ClaimsPrincipal user, FhirRecords records, FhirAssessmentMapper mapper, CancellationToken cancellationToken) =>
                    ReadDerivedAsync(type, id, request, user, records, mapper, cancellationToken))
                .RequireAuthorization().Audited(AuditAction.AssessmentRead)
                .WithSummary($"One {type} of a stored assessment, as $everything gives it");
        }

        fhir.MapGet("/Procedure/{id}", ReadProcedureAsync).RequireAuthorization().Audited(AuditAction.PatientRead)
            .WithSummary("The patient's knee replacement");
        fhir.MapGet("/AuditEvent/{id}", ReadAuditEventAsync).RequireAuthorization(Policies.Admin).Audited(AuditAction.AuditRead)
            .WithSummary("One audit event (admins only)");
        return fhir;
    }

    internal static async Task<FhirResult> ReadDerivedAsync(
        string type, string id, HttpRequest request, ClaimsPrincipal user, FhirRecords records, FhirAssessmentMapper mapper, CancellationToken cancellationToken)
    {
        var found = FhirAssessmentMapper.StoredAssessmentOf(id) is { } assessmentId
            ? await records.FindAssessmentAsync(assessmentId, cancellationToken).ConfigureAwait(false)
            : null;
        if (found is not { } hit || !user.CanAccessPatient(hit.PatientId))
        {
            if (found is { } others)
            {
                request.HttpContext.Audit().DenyOthersRecord(others.PatientId);
            }

            return FhirOutcomes.NotFound($"{type}/{id} is not known.");
        }

        request.HttpContext.Audit().PatientId = hit.PatientId;
        var serverBase = FhirStoredEndpoints.ServerBase(request);
        // As $everything gives it (an earlier assessment's Flags inactive, its CarePlan revoked); a replaced version's as it was.
        var patient = await records.FindPatientAsync(hit.PatientId, cancellationToken).ConfigureAwait(false);
        var current = await records.CurrentAssessmentsAsync(hit.PatientId, cancellationToken).ConfigureAwait(false);
        IEnumerable<Resource> candidates = current.Any(a => a.Id == hit.Assessment.Id)
            ? mapper.Everything(serverBase, FhirRecords.ToDetails(patient!), [], current).Entry.Select(e => e.Resource!)
            : mapper.ToResources(hit.Assessment, "Patient/" + hit.PatientId, serverBase).All;
        return candidates.FirstOrDefault(r => r.TypeName == type && r.Id == id) is { } resource
            ? new FhirResult(resource)
            : FhirOutcomes.NotFound($"{type}/{id} is not known.");
    }

    internal static async Task<FhirResult> ReadProcedureAsync(string id, HttpRequest request, ClaimsPrincipal user, FhirRecords records, CancellationToken cancellationToken)
    {
        const int guidLength = 36;
        var patientId = id.Length > guidLength && Guid.TryParseExact(id.AsSpan(0, guidLength), "D", out var parsed) ? parsed : Guid.Empty;
        var patient = patientId != Guid.Empty && user.CanAccessPatient(patientId)
            ? await records.FindPatientAsync(patientId, cancellationToken).ConfigureAwait(false)
            : null;
        if (patient is null || FhirRecords.Surgery(patient) is not { } surgery || surgery.Id != id)
        {
            return FhirOutcomes.NotFound($"Procedure/{id} is not known.");
        }

        request.HttpContext.Audit().PatientId = patientId;
        return new FhirResult(FhirAssessmentMapper.ToProcedure(surgery.Id, "Patient/" + patientId, surgery.Surgery));
    }

    internal static async Task<FhirResult> ReadAuditEventAsync(string id, KneeSpineDbContext db, CancellationToken cancellationToken)
    {
        var row = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var eventId)
            ? await db.AuditEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken).ConfigureAwait(false)
            : null;
        return row is null ? FhirOutcomes.NotFound($"AuditEvent/{id} is not known.") : new FhirResult(AuditEntries.ToFhir(row));
    }
}
