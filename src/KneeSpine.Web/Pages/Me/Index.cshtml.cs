using KneeSpine.Engine.Knowledge;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Assessments.Results;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Clinic;
using KneeSpine.Web.Handouts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Me;

/// <summary>A patient's own page: latest triage first, their chart and their past answers. Only their own record.</summary>
[Authorize(Roles = Roles.Patient)]
[Audited(AuditAction.PatientRead, CallersRecord = true)]
public sealed class IndexModel(ClinicRecords records) : PageModel
{
    public PatientRecord? Record { get; private set; }

    public ResultView? LatestView { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.LinkedPatientId() is not { } patientId)
        {
            return Forbid();
        }

        Record = await records.LoadAsync(patientId, cancellationToken).ConfigureAwait(false);
        if (Record is null)
        {
            return NotFound();
        }

        if (Record.Latest is { } latest && await records.LoadAssessmentAsync(patientId, latest.Current.Id, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            LatestView = new ResultView(stored.Result, KnowledgeBase.For(stored.Result), ForPatient: true, HandoutUrl: null) { SignLists = HandoutSigns.For(stored.Input.ToCurrentInput()) };
        }

        return Page();
    }
}
