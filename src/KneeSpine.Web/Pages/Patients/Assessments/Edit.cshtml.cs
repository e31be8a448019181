using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Assessments.Forms;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Clinic;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Patients.Assessments;

/// <summary>Edits an assessment by storing its next version; nothing is overwritten.</summary>
[Authorize(Policy = Policies.Clinician)]
[IgnoreAntiforgeryToken] // checked in the handler, so an expired token keeps the answers (FormToken)
[Audited(AuditAction.AssessmentRead, Method = "GET", PatientRouteValue = "id")]
[Audited(AuditAction.AssessmentRevise, Method = "POST", PatientRouteValue = "id")]
public sealed class EditModel(ClinicRecords records, AssessmentSubmission submission) : PageModel
{
    public Guid PatientId { get; private set; }

    public string PatientName { get; private set; } = "";

    public int Version { get; private set; }

    public AssessmentFormView Form { get; private set; } = new(AssessmentFormData.Empty, [], ForPatient: false);

    /// <summary>The rules version of a record kept from an earlier version (its edit is evaluated under the current rules).</summary>
    public string? EarlierRules { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid assessmentId, CancellationToken cancellationToken)
    {
        var (record, assessment) = await LoadAsync(id, assessmentId, cancellationToken).ConfigureAwait(false);
        if (record is null || assessment is null)
        {
            return NotFound();
        }

        if (!assessment.IsCurrent)
        {
            return Redirect($"/patients/{id}/assessments/{assessment.Series.Current.Id}/edit");
        }

        Describe(record, assessment);
        Form = new AssessmentFormView(AssessmentFormData.FromRecorded(assessment.Input), [], ForPatient: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid assessmentId, CancellationToken cancellationToken)
    {
        var (record, assessment) = await LoadAsync(id, assessmentId, cancellationToken).ConfigureAwait(false);
        if (record is null || assessment is null)
        {
            return NotFound();
        }

        var form = AssessmentFormData.FromForm(Request.Form);
        if (!await FormToken.IsValidAsync(HttpContext).ConfigureAwait(false))
        {
            Describe(record, assessment);
            Form = new AssessmentFormView(form, [], ForPatient: false) { Notice = FormToken.ExpiredMessage };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await submission.SubmitAsync(id, assessmentId, form, User.AuditName(), cancellationToken).ConfigureAwait(false);
        if (outcome.StoredId is { } stored)
        {
            return Redirect($"/patients/{id}/assessments/{stored}");
        }

        Describe(record, assessment);
        Form = new AssessmentFormView(form, outcome.Errors, ForPatient: false);
        return Page();
    }

    private async Task<(PatientRecord?, StoredAssessment?)> LoadAsync(Guid id, Guid assessmentId, CancellationToken cancellationToken)
    {
        var record = await records.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        var assessment = record is null ? null : await records.LoadAssessmentAsync(id, assessmentId, cancellationToken).ConfigureAwait(false);
        return (record, assessment);
    }

    private void Describe(PatientRecord record, StoredAssessment assessment)
    {
        PatientId = record.Patient.Id;
        PatientName = record.Patient.Name;
        Version = assessment.Row.Version;
        EarlierRules = assessment.Input.IsEarlierVersion ? assessment.Result.KnowledgeBaseVersion : null;
    }
}
