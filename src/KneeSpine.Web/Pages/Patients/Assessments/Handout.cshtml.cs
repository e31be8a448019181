using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Clinic;
using KneeSpine.Web.ClinicIdentity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Patients.Assessments;

/// <summary>The PDF handout of one assessment version.</summary>
[Authorize(Policy = Policies.Clinician)]
[Audited(AuditAction.HandoutDownload, PatientRouteValue = "id")]
public sealed class HandoutModel(ClinicRecords records, ClinicProfile clinic) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid assessmentId, CancellationToken cancellationToken)
    {
        var record = await records.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        var assessment = record is null ? null : await records.LoadAssessmentAsync(id, assessmentId, cancellationToken).ConfigureAwait(false);
        return record is null || assessment is null ? NotFound() : HandoutDownload.For(record, assessment, clinic);
    }
}
