using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Assessments.Forms;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Clinic;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Patients.Assessments;

/// <summary>The clinician's assessment form, generated from the input catalogue.</summary>
[Authorize(Policy = Policies.Clinician)]
[IgnoreAntiforgeryToken] // checked in the handler, so an expired token keeps the answers (FormToken)
[Audited(AuditAction.PatientRead, Method = "GET", PatientRouteValue = "id")]
[Audited(AuditAction.AssessmentCreate, Method = "POST", PatientRouteValue = "id")]
public sealed class NewModel(ClinicRecords records, AssessmentSubmission submission, TimeProvider time) : PageModel
{
    public Guid PatientId { get; private set; }

    public string PatientName { get; private set; } = "";

    public AssessmentFormView Form { get; private set; } = new(AssessmentFormData.Empty, [], ForPatient: false);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await records.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return NotFound();
        }

        PatientId = id;
        PatientName = record.Patient.Name;
        var latest = record.Latest is { } series
            ? (await records.LoadAssessmentAsync(id, series.Current.Id, cancellationToken).ConfigureAwait(false))?.Input
            : null;
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        Form = new AssessmentFormView(FormDefaults.For(record.Patient, latest, today), [], ForPatient: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await records.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return NotFound();
        }

        var form = AssessmentFormData.FromForm(Request.Form);
        if (!await FormToken.IsValidAsync(HttpContext).ConfigureAwait(false))
        {
            PatientId = id;
            PatientName = record.Patient.Name;
            Form = new AssessmentFormView(form, [], ForPatient: false) { Notice = FormToken.ExpiredMessage };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await submission.SubmitAsync(id, revises: null, form, User.AuditName(), cancellationToken).ConfigureAwait(false);
        if (outcome.StoredId is { } stored)
        {
            return Redirect($"/patients/{id}/assessments/{stored}");
        }

        PatientId = id;
        PatientName = record.Patient.Name;
        Form = new AssessmentFormView(form, outcome.Errors, ForPatient: false);
        return Page();
    }
}
