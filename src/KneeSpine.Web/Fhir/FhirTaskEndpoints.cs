using System.Globalization;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Fhir.Worklist;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Worklist;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Worklist;

namespace KneeSpine.Web.Fhir;

/// <summary>
/// Worklist items as FHIR Tasks (<c>GET /fhir/Task/{id}</c>, <c>GET /fhir/Task?patient=...&amp;status=...</c>), so an
/// EHR can pull the clinic's open items. Clinicians and admins only, as the worklist itself.
/// </summary>
internal static class FhirTaskEndpoints
{
    public static IEndpointRouteBuilder MapFhirTasks(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Task/{id}", ReadAsync).RequireAuthorization(Policies.Clinician).Audited(AuditAction.WorklistRead)
            .WithSummary("One worklist item as a Task (requested while open, completed once acknowledged)");
        fhir.MapGet("/Task", SearchAsync).RequireAuthorization(Policies.Clinician).Audited(AuditAction.WorklistRead)
            .WithSummary("Search worklist items by patient (required) and status (requested, completed); open first, most severe first");
        return fhir;
    }

    internal static async Task<FhirResult> ReadAsync(string id, HttpRequest request, WorklistService worklist, CancellationToken cancellationToken)
    {
        var item = Guid.TryParse(id, CultureInfo.InvariantCulture, out var itemId) ? await worklist.FindAsync(itemId, cancellationToken).ConfigureAwait(false) : null;
        if (item is null)
        {
            return FhirOutcomes.NotFound($"Task/{id} is not known.");
        }

        request.HttpContext.Audit().PatientId = item.PatientId;
        return new FhirResult(ToTask(item));
    }

    internal static async Task<FhirResult> SearchAsync(HttpRequest request, WorklistService worklist, CancellationToken cancellationToken)
    {
        var unknown = request.Query.Keys.FirstOrDefault(k => k is not ("patient" or "status" or "_count" or "_offset" or "_format"));
        if (unknown is not null)
        {
            return FhirOutcomes.BadRequest($"Search parameter '{unknown}' is not supported on Task; see /fhir/metadata.", unknown);
        }

        var patient = request.Query["patient"].ToString();
        if (patient.Length == 0)
        {
            return FhirOutcomes.BadRequest("Search needs patient=Patient/{id}: this server does not list every patient's tasks at once.", "patient");
        }

        if (!FhirStoredEndpoints.TryPatientId(patient, out var patientId))
        {
            return FhirOutcomes.BadRequest($"'{patient}' is not a KneeSpine patient reference (Patient/{{uuid}}).", "patient");
        }

        WorklistStatus? status = request.Query["status"].ToString() switch
        {
            "" => WorklistStatus.All,
            "requested" => WorklistStatus.Open,
            "completed" => WorklistStatus.Acknowledged,
            _ => null,
        };
        if (status is null)
        {
            return FhirOutcomes.BadRequest("status must be requested (open items) or completed (acknowledged items).", "status");
        }

        var (page, pageError) = FhirPage.Read(request, FhirStoredEndpoints.DefaultCount, FhirStoredEndpoints.MaxCount);
        if (pageError is not null)
        {
            return pageError;
        }

        request.HttpContext.Audit().PatientId = patientId;
        var items = await worklist.ForPatientAsync(patientId, status.Value, cancellationToken).ConfigureAwait(false);
        var tasks = page!.Of(items).Select(i => (Hl7.Fhir.Model.Resource)ToTask(i));
        return new FhirResult(page.Searchset(request, tasks, items.Count));
    }

    private static Hl7.Fhir.Model.Task ToTask(WorklistItem item) => WorklistTaskMapper.ToTask(
        new WorklistTaskRecord(
            item.Id.ToString(),
            item.PatientId.ToString(),
            item.AssessmentId.ToString(),
            item.Triage,
            item.AlertIds.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            item.OpenedAt,
            item.DueBy,
            item.AcknowledgedAt,
            item.AcknowledgedBy,
            item.Action is { } action ? Code<WorklistAction>.ToCode(action) : null,
            item.Note),
        KnowledgeBase.Default);
}
