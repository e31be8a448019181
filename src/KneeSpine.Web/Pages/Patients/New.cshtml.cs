using System.Globalization;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Patients;
using KneeSpine.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Patients;

/// <summary>Adds a patient record; the same validation as the API.</summary>
[Authorize(Policy = Policies.Clinician)]
[Audited(AuditAction.PatientCreate, Method = "POST")]
public sealed class NewModel(PatientService patients) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? BirthDate { get; set; }

    [BindProperty]
    public string? Sex { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public IReadOnlyList<ErrorSummaryItem> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        DateOnly? birthDate = DateOnly.TryParseExact(BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        var request = new CreatePatientRequest(Name, birthDate, Sex, Email, Phone);
        var problems = patients.Validate(request);
        if (problems.Count > 0)
        {
            Errors = [.. problems.Select(p => p.Key == "sex" ? new ErrorSummaryItem("sex-female", "Choose the patient's sex.") : new ErrorSummaryItem(p.Key, p.Value))];
            return Page();
        }

        var patient = await patients.CreateAsync(request, User.AuditName(), cancellationToken).ConfigureAwait(false);
        HttpContext.Audit().PatientId = patient.Id;
        return Redirect($"/patients/{patient.Id}");
    }
}
