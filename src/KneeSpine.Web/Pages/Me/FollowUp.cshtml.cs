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

/// <summary>
/// The patient's own follow-up questionnaire, in plain language and in the same four short steps as the public check;
/// stored on their own record only, and only when the last step is sent.
/// </summary>
/// <remarks>The antiforgery check is made in the handler, so an expired token keeps the answers (see <see cref="FormToken"/>).</remarks>
[Authorize(Roles = Roles.Patient)]
[IgnoreAntiforgeryToken]
[Audited(AuditAction.PatientRead, Method = "GET", CallersRecord = true)]
[Audited(AuditAction.AssessmentCreate, Method = "POST", CallersRecord = true)]
public sealed class FollowUpModel(ClinicRecords records, AssessmentSubmission submission, TimeProvider time) : PageModel
{
    public AssessmentFormView Form { get; private set; } = SteppedForm.Start(AssessmentFormData.Empty);

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
        Form = SteppedForm.Start(FormDefaults.For(record.Patient, latest, today));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.LinkedPatientId() is not { } patientId)
        {
            return Forbid();
        }

        var form = AssessmentFormData.FromForm(Request.Form);
        string? step = Request.Form["step"];
        if (!await FormToken.IsValidAsync(HttpContext).ConfigureAwait(false))
        {
            Form = SteppedForm.Show(form, FormSteps.Parse(step), []) with { Notice = FormToken.ExpiredMessage };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (SteppedForm.Next(form, submission.Check(form), step, Request.Form["go"]) is { } next)
        {
            // Moving between steps stores nothing: audited as showing the patient their own form, not as a failed save.
            var audit = HttpContext.Audit();
            audit.Action = AuditAction.PatientRead;
            audit.Outcome = AuditOutcome.Success;
            audit.Detail = $"follow-up questions, step {next.Step}";
            Form = next;
            return Page();
        }

        var outcome = await submission.SubmitAsync(patientId, revises: null, form, User.AuditName(), cancellationToken).ConfigureAwait(false);
        if (outcome.StoredId is { } stored)
        {
            return Redirect($"/me/assessments/{stored}");
        }

        Form = SteppedForm.Show(form, FormSteps.All.Count, outcome.Errors);
        return Page();
    }
}
