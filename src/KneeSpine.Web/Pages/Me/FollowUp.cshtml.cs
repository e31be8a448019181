using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Assessments.Forms;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Clinic;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Me;

/// <summary>The patient's own follow-up questionnaire, in plain language; stored on their own record only.</summary>
[Authorize(Roles = Roles.Patient)]
[Audited(AuditAction.PatientRead, Method = "GET", CallersRecord = true)]
[Audited(AuditAction.AssessmentCreate, Method = "POST", CallersRecord = true)]
public sealed class FollowUpModel(ClinicRecords records, AssessmentSubmission submission, TimeProvider time) : PageModel
{
    public AssessmentFormView Form { get; private set; } = new(AssessmentFormData.Empty, [], ForPatient: true);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.LinkedPatientId() is not { } patientId || await records.LoadAsync(patientId, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return Forbid();
        }

        var latest = record.Latest is { } series
            ? (await records.LoadAssessmentAsync(patientId, series.Current.Id, cancellationToken).ConfigureAwait(false))?.Input
            : null;
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        Form = new AssessmentFormView(FormDefaults.For(record.Patient, latest, today), [], ForPatient: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.LinkedPatientId() is not { } patientId)
        {
            return Forbid();
        }

        var form = new AssessmentFormData(Request.Form.Select(p => new KeyValuePair<string, string[]>(p.Key, [.. p.Value.OfType<string>()])));
        var outcome = await submission.SubmitAsync(patientId, revises: null, form, User.AuditName(), cancellationToken).ConfigureAwait(false);
        if (outcome.StoredId is { } stored)
        {
            return Redirect($"/me/assessments/{stored}");
        }

        Form = new AssessmentFormView(form, outcome.Errors, ForPatient: true);
        return Page();
    }
}
