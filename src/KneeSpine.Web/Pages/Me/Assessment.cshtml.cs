using KneeSpine.Engine.Knowledge;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Assessments.Results;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Clinic;
using KneeSpine.Web.ClinicIdentity;
using KneeSpine.Web.Handouts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Me;

/// <summary>One of the patient's own results; another patient's assessment id is simply not found.</summary>
[Authorize(Roles = Roles.Patient)]
[Audited(AuditAction.AssessmentRead, CallersRecord = true)]
public sealed class AssessmentModel(ClinicRecords records, ClinicProfile clinic, TimeProvider clock) : PageModel
{
    public StoredAssessment? Assessment { get; private set; }

    public ResultView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        if (User.LinkedPatientId() is not { } patientId)
        {
            return Forbid();
        }

        Assessment = await records.LoadAssessmentAsync(patientId, assessmentId, cancellationToken).ConfigureAwait(false);
        if (Assessment is null)
        {
            await records.NoteOthersAssessmentAsync(HttpContext.Audit(), patientId, assessmentId, cancellationToken).ConfigureAwait(false);
            return NotFound();
        }

        View = new ResultView(Assessment.Result, KnowledgeBase.For(Assessment.Result), ForPatient: true, $"/me/assessments/{assessmentId}/handout")
        {
            SignLists = HandoutSigns.For(Assessment.Input.ToCurrentInput()),
            RecordedOn = Assessment.Input.AssessedOn,
            Author = ResultAuthors.Of(Assessment.Row, User),
            Today = clinic.Today(clock),
        };
        return Page();
    }
}
