using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Clinic;
using KneeSpine.Web.ClinicIdentity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Patients.Assessments;

/// <summary>Every version of one assessment (who, when, why) and what changed between two of them.</summary>
[Authorize(Policy = Policies.Clinician)]
[Audited(AuditAction.AssessmentList, PatientRouteValue = "id")]
public sealed class VersionsModel(ClinicRecords records, ClinicProfile clinic) : PageModel
{
    public PatientRecord Record { get; private set; } = null!;

    public StoredAssessment Assessment { get; private set; } = null!;

    /// <summary>The comparison shown; null while the series has one version.</summary>
    public VersionDifference? Difference { get; private set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public int? FromVersion { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public int? ToVersion { get; set; }

    public string LocalTime(DateTimeOffset instant) => KneeSpine.Web.ClinicIdentity.ClinicTimeFormat.Time(clinic, instant);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid assessmentId, CancellationToken cancellationToken)
    {
        var record = await records.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        var assessment = record is null ? null : await records.LoadAssessmentAsync(id, assessmentId, cancellationToken).ConfigureAwait(false);
        if (record is null || assessment is null)
        {
            return NotFound();
        }

        Record = record;
        Assessment = assessment;
        var versions = assessment.Series.Versions;
        if (versions.Count < 2)
        {
            return Page();
        }

        // By default the newest version against the one before it; a version that does not exist falls back the same way.
        var to = versions.FirstOrDefault(v => v.Version == ToVersion) ?? versions[^1];
        var from = versions.FirstOrDefault(v => v.Version == FromVersion && v.Version != to.Version)
            ?? versions.LastOrDefault(v => v.Version < to.Version) ?? versions[0];
        ToVersion = to.Version;
        FromVersion = from.Version;
        var older = await records.LoadAssessmentAsync(id, from.Id, cancellationToken).ConfigureAwait(false);
        var newer = await records.LoadAssessmentAsync(id, to.Id, cancellationToken).ConfigureAwait(false);
        if (older is null || newer is null)
        {
            return NotFound();
        }

        Difference = VersionDifference.Between(older, newer);
        return Page();
    }
}
