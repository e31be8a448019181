using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Charts;
using KneeSpine.Web.Clinic;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Patients;

/// <summary>One patient: surgery, latest triage, pain chart and the timeline of assessments with their versions.</summary>
[Authorize(Policy = Policies.Clinician)]
[Audited(AuditAction.PatientRead, PatientRouteValue = "id")]
public sealed class DetailsModel(ClinicRecords records) : PageModel
{
    public PatientRecord? Record { get; private set; }

    /// <summary>Back-function scores over time (KneeSpine's own items, not validated).</summary>
    public IReadOnlyList<FunctionPoint> BackFunction { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Record = await records.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (Record is null)
        {
            return NotFound();
        }

        BackFunction = await records.BackFunctionHistoryAsync(id, cancellationToken).ConfigureAwait(false);
        return Page();
    }
}
