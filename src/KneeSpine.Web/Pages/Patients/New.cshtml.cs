using System.Globalization;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Assessments.Forms;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Patients;
using KneeSpine.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Patients;

/// <summary>Adds a patient record; the same validation as the API.</summary>
[Authorize(Policy = Policies.Clinician)]
[IgnoreAntiforgeryToken] // checked in the handler, so an expired token keeps what was typed (FormToken)
[Audited(AuditAction.PatientCreate, Method = "POST")]
public sealed class NewModel(PatientService patients) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The name of the date-of-birth question; its boxes are <c>birthDate.day</c>, <c>.month</c> and <c>.year</c> (ADR-101).</summary>
    public const string BirthDateName = "birthDate";

    /// <summary>What the date-of-birth boxes show (as typed).</summary>
    public IReadOnlyDictionary<string, string> BirthDateTyped { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public string? Sex { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public IReadOnlyList<ErrorSummaryItem> Errors { get; private set; } = [];

    /// <summary>A message above the form (after an expired token).</summary>
    public string? Notice { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var typed = DateBoxes.Parts.ToDictionary(p => p, p => Request.Form[DateBoxes.Name(BirthDateName, p)].ToString().Trim(), StringComparer.Ordinal);
        BirthDateTyped = typed;
        if (!await FormToken.IsValidAsync(HttpContext).ConfigureAwait(false))
        {
            Notice = FormToken.ExpiredMessage;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The API's ISO date under the plain name is still read (older pages, tests).
        var joined = DateBoxes.Join(BirthDateName, typed.Where(p => p.Value.Length > 0).ToDictionary(p => DateBoxes.Name(BirthDateName, p.Key), p => p.Value)) ?? Request.Form[BirthDateName].ToString();
        DateOnly? birthDate = DateOnly.TryParseExact(joined, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        var request = new CreatePatientRequest(Name, birthDate, Sex, Email, Phone);
        var problems = patients.Validate(request);
        if (problems.Count > 0)
        {
            Errors = [.. problems.Select(p => p.Key switch
            {
                "sex" => new ErrorSummaryItem("sex-female", "Choose the patient's sex."),
                BirthDateName when birthDate is null && joined.Length > 0 => new ErrorSummaryItem(BirthDateName, $"Enter a real date of birth, {FormMessages.DateExample}."),
                BirthDateName when birthDate is null => new ErrorSummaryItem(BirthDateName, "Enter the date of birth."),
                _ => new ErrorSummaryItem(p.Key, p.Value),
            })];
            return Page();
        }

        var patient = await patients.CreateAsync(request, User.AuditName(), cancellationToken).ConfigureAwait(false);
        HttpContext.Audit().PatientId = patient.Id;
        return Redirect($"/patients/{patient.Id}");
    }
}
