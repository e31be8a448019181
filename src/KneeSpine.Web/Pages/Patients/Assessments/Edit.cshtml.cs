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

    /// <summary>The form field that carries the reason; outside the shared form partial, joined to it by <c>form="assessment-form"</c>.</summary>
    public const string ReasonField = "editReason";

    /// <summary>Why the clinician edits; required, stored with the new version and shown in the version list.</summary>
    public string EditReason { get; private set; } = "";

    public string? ReasonError { get; private set; }

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

        var form = new AssessmentFormData(Request.Form
            .Where(p => p.Key != ReasonField)
            .Select(p => new KeyValuePair<string, string[]>(p.Key, [.. p.Value.OfType<string>()])));
        EditReason = Request.Form[ReasonField].ToString().Trim();
        if (!await FormToken.IsValidAsync(HttpContext).ConfigureAwait(false))
        {
            Describe(record, assessment);
            Form = new AssessmentFormView(form, [], ForPatient: false) { Notice = FormToken.ExpiredMessage };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        ReasonError = EditReason.Length == 0 ? "Enter why you are editing this assessment, for example \"patient corrected the surgery date\"."
            : EditReason.Length > KneeSpine.Store.Assessments.Assessment.Limits.EditReason
                ? $"Keep the reason to {KneeSpine.Store.Assessments.Assessment.Limits.EditReason} characters or fewer."
                : null;
        if (ReasonError is not null)
        {
            // Every problem in one round: the answers are checked too, and nothing is stored. The reason is not a
            // question of the form (no field path); its own message is shown beside it.
            Describe(record, assessment);
            Form = new AssessmentFormView(form, [new FormError(ReasonField, FieldPath: null, "Reason for this edit: " + ReasonError, FormFieldIds.For(ReasonField)), .. submission.Check(form).Errors], ForPatient: false);
            return Page();
        }

        var outcome = await submission.SubmitAsync(id, assessmentId, form, User.AuditName(), EditReason, cancellationToken).ConfigureAwait(false);
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
