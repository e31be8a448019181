using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Clinic;
using KneeSpine.Web.ClinicIdentity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Me;

/// <summary>The PDF handout of one of the patient's own assessments.</summary>
[Authorize(Roles = Roles.Patient)]
[Audited(AuditAction.HandoutDownload, CallersRecord = true)]
public sealed class HandoutModel(ClinicRecords records, ClinicProfile clinic) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        if (User.LinkedPatientId() is not { } patientId)
        {
            return Forbid();
        }

        var record = await records.LoadAsync(patientId, cancellationToken).ConfigureAwait(false);
        var assessment = record is null ? null : await records.LoadAssessmentAsync(patientId, assessmentId, cancellationToken).ConfigureAwait(false);
        if (record is null || assessment is null)
        {
            await records.NoteOthersAssessmentAsync(HttpContext.Audit(), patientId, assessmentId, cancellationToken).ConfigureAwait(false);
            return NotFound();
        }

        return HandoutDownload.For(record, assessment, clinic);
    }
}
