using System.ComponentModel.DataAnnotations;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Store.Patients;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Pages.Admin.Users;

/// <summary>Creates a clinician, admin or patient account; a patient account is linked to one patient record.</summary>
[Authorize(Policy = Policies.Admin)]
[Audited(AuditAction.PatientList, Method = "GET")]
[Audited(AuditAction.UserCreate, Method = "POST")]
public sealed class NewModel(AccountAdministration accounts, KneeSpineDbContext db) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<Patient> Patients { get; private set; } = [];

    public async Task OnGetAsync(Guid? patientId, CancellationToken cancellationToken)
    {
        if (patientId is not null)
        {
            Input.Role = Roles.Patient;
            Input.PatientId = patientId;
        }

        await LoadPatientsAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Role == Roles.Patient && Input.PatientId is null)
        {
            ModelState.AddModelError("Input.PatientId", "Choose the patient record this account belongs to.");
        }
        else if (Input.Role is not null && Input.Role != Roles.Patient && Input.PatientId is not null)
        {
            ModelState.AddModelError("Input.PatientId", "Only a patient account is linked to a patient record: choose \"No patient\".");
        }

        if (ModelState.IsValid)
        {
            var result = await accounts.AddUserAsync(Input.Email.Trim(), Input.Role!, Input.Password, Input.PatientId, cancellationToken).ConfigureAwait(false);
            var audit = HttpContext.Audit();
            audit.PatientId = Input.PatientId;
            audit.Detail = $"{Input.Role} account {Input.Email.Trim()}";
            if (result.Succeeded)
            {
                return Redirect("/admin/users?created=" + Uri.EscapeDataString(Input.Email.Trim()));
            }

            audit.Detail += ": " + string.Join(" ", result.Errors);
            foreach (var error in result.Errors)
            {
                var key = error.Contains("password", StringComparison.OrdinalIgnoreCase) ? "Input.Password"
                    : error.Contains("patient", StringComparison.OrdinalIgnoreCase) ? "Input.PatientId"
                    : "Input.Email";
                ModelState.AddModelError(key, error);
            }
        }

        await LoadPatientsAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    private async Task LoadPatientsAsync(CancellationToken cancellationToken) =>
        Patients = await db.Patients.AsNoTracking()
            .Where(p => !db.Users.Any(u => u.PatientId == p.Id))
            .OrderBy(p => p.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public sealed class UserInput
    {
        [Required(ErrorMessage = "Enter an email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        public string? Role { get; set; }

        public Guid? PatientId { get; set; }

        [Required(ErrorMessage = "Enter a first password.")]
        public string Password { get; set; } = "";
    }
}
