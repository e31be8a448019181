using KneeSpine.Engine.Knowledge;
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

namespace KneeSpine.Web.Pages.Patients.Assessments;

/// <summary>The result of one assessment version, triage first, for the clinician.</summary>
[Authorize(Policy = Policies.Clinician)]
[Audited(AuditAction.AssessmentRead, PatientRouteValue = "id")]
public sealed class DetailsModel(ClinicRecords records, ClinicProfile clinic, TimeProvider clock) : PageModel
{
    public PatientRecord? Record { get; private set; }

    public StoredAssessment? Assessment { get; private set; }

    public ResultView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid assessmentId, CancellationToken cancellationToken)
    {
        Record = await records.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        Assessment = Record is null ? null : await records.LoadAssessmentAsync(id, assessmentId, cancellationToken).ConfigureAwait(false);
        if (Record is null || Assessment is null)
        {
            return NotFound();
        }

        View = new ResultView(Assessment.Result, KnowledgeBase.For(Assessment.Result), ForPatient: false, $"/patients/{id}/assessments/{assessmentId}/handout")
        {
            SignLists = HandoutSigns.For(Assessment.Input.ToCurrentInput()),
            RecordedOn = Assessment.Input.AssessedOn,
            Author = ResultAuthor.CareTeam,
            Today = clinic.Today(clock),
        };
        return Page();
    }
}
