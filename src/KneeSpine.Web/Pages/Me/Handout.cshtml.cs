using KneeSpine.Store.Accounts;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Clinic;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Me;

/// <summary>The PDF handout of one of the patient's own assessments.</summary>
[Authorize(Roles = Roles.Patient)]
public sealed class HandoutModel(ClinicRecords records) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        if (User.LinkedPatientId() is not { } patientId)
        {
            return Forbid();
        }

        var record = await records.LoadAsync(patientId, cancellationToken).ConfigureAwait(false);
        var assessment = record is null ? null : await records.LoadAssessmentAsync(patientId, assessmentId, cancellationToken).ConfigureAwait(false);
        return record is null || assessment is null ? NotFound() : HandoutDownload.For(record, assessment);
    }
}
