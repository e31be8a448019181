using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Patients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Patients;

/// <summary>The clinician's patient list with a name search.</summary>
[Authorize(Policy = Policies.Clinician)]
[Audited(AuditAction.PatientList)]
public sealed class IndexModel(PatientService patients) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<PatientResponse> Patients { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Patients = await patients.SearchAsync(User, Search, cancellationToken).ConfigureAwait(false);
}
