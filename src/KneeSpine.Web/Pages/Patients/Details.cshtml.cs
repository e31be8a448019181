using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Charts;
using KneeSpine.Web.Clinic;
using KneeSpine.Web.FollowUps;
using KneeSpine.Web.Patients;
using KneeSpine.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Patients;

/// <summary>One patient: surgery, contact details, next check-in, latest triage, pain chart and the timeline of assessments with their versions.</summary>
[Authorize(Policy = Policies.Clinician)]
[Audited(AuditAction.PatientRead, PatientRouteValue = "id")]
[Audited(AuditAction.PatientContactChange, Method = "POST", PatientRouteValue = "id")]
public sealed class DetailsModel(ClinicRecords records, PatientService patients, FollowUpCalendar followUps) : PageModel
{
    public PatientRecord? Record { get; private set; }

    /// <summary>Back-function scores over time (KneeSpine's own items, not validated).</summary>
    public IReadOnlyList<FunctionPoint> BackFunction { get; private set; } = [];

    public NextFollowUp? NextFollowUp { get; private set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public IReadOnlyList<ErrorSummaryItem> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Email = Record!.Patient.Email;
        Phone = Record.Patient.Phone;
        return Page();
    }

    /// <summary>Changes the email and phone; on a problem the page shows it beside the field and stores nothing.</summary>
    public async Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken cancellationToken)
    {
        var problems = await patients.UpdateContactAsync(id, Email, Phone, cancellationToken).ConfigureAwait(false);
        if (problems is null)
        {
            return NotFound();
        }

        if (problems.Count == 0)
        {
            return Redirect($"/patients/{id}#contact");
        }

        Errors = [.. problems.Select(p => new ErrorSummaryItem(p.Key, p.Value))];
        HttpContext.Audit().Outcome = AuditOutcome.Failure;
        await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Record = await records.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (Record is null)
        {
            return false;
        }

        BackFunction = await records.BackFunctionHistoryAsync(id, cancellationToken).ConfigureAwait(false);
        NextFollowUp = followUps.Next(Record.Patient.SurgeryDate, Record.Timeline.Count == 0 ? null : Record.Timeline.Max(s => s.Current.AssessedOn));
        return true;
    }
}
