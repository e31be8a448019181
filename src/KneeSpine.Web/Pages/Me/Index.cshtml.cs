using KneeSpine.Engine.Knowledge;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Assessments.Results;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Clinic;
using KneeSpine.Web.ClinicIdentity;
using KneeSpine.Web.Handouts;
using KneeSpine.Web.FollowUps;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Me;

/// <summary>A patient's own page: latest triage first, their next check-in, reminder emails on or off, their chart and their past answers. Only their own record.</summary>
[Authorize(Roles = Roles.Patient)]
[Audited(AuditAction.PatientRead, Method = "GET", CallersRecord = true)]
[Audited(AuditAction.ReminderPreferenceChange, Method = "POST", CallersRecord = true)]
public sealed class IndexModel(ClinicRecords records, FollowUpCalendar followUps, FollowUpService followUpService, ClinicProfile clinic, TimeProvider clock) : PageModel
{
    public PatientRecord? Record { get; private set; }

    public NextFollowUp? NextFollowUp { get; private set; }

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

        NextFollowUp = followUps.Next(Record.Patient.SurgeryDate, Record.Timeline.Count == 0 ? null : Record.Timeline.Max(s => s.Current.AssessedOn));

        if (Record.Latest is { } latest && await records.LoadAssessmentAsync(patientId, latest.Current.Id, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            LatestView = new ResultView(stored.Result, KnowledgeBase.For(stored.Result), ForPatient: true, HandoutUrl: null) {
                SignLists = HandoutSigns.For(stored.Input.ToCurrentInput()),
                RecordedOn = stored.Input.AssessedOn,
                Author = ResultAuthors.Of(stored.Row, User),
                Today = clinic.Today(clock),
            };
        }

        return Page();
    }

    /// <summary>Reminder emails off (<paramref name="remind"/> false) or back on; the form carries the antiforgery token.</summary>
    public async Task<IActionResult> OnPostRemindersAsync(bool remind, CancellationToken cancellationToken)
    {
        if (User.LinkedPatientId() is not { } patientId)
        {
            return Forbid();
        }

        HttpContext.Audit().Detail = remind ? "reminders on" : "reminders off";
        return await followUpService.SetRemindersOptedOutAsync(patientId, optedOut: !remind, cancellationToken).ConfigureAwait(false)
            ? Redirect("/me#reminders")
            : NotFound();
    }
}
