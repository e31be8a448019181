using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Patients;
using KneeSpine.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Patients;

/// <summary>The clinician's patient list: name search, sort and filters (open worklist item, last assessment, days since surgery, overdue follow-up), 50 a page.</summary>
[Authorize(Policy = Policies.Clinician)]
[Audited(AuditAction.PatientList)]
public sealed class IndexModel(PatientDirectory directory, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? OpenItem { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? LastAssessedBefore { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MinDaysSinceSurgery { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MaxDaysSinceSurgery { get; set; }

    // Not "page": Razor Pages route values already use that name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PatientListQuery Query { get; private set; } = PatientListQuery.Default;

    public PatientListResponse List { get; private set; } = new([], 0, 1, PatientListQuery.DefaultPageSize);

    public IReadOnlyList<ErrorSummaryItem> Errors { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Whether anything narrows the list (then "no patients" means "none match").</summary>
    public bool Filtered => Query.Search is not null || Query.OpenItem is not null || Query.OverdueOnly || Query.LastAssessedBefore is not null
        || Query.MinDaysSinceSurgery is not null || Query.MaxDaysSinceSurgery is not null;

    /// <summary>
    /// Whether the folded "Sort and filter" panel starts open on a phone: when a sort or filter other than the name
    /// search was asked for , or anything is wrong (so the field with the error is in view).
    /// </summary>
    public bool FiltersInUse => Errors.Count > 0 || !string.IsNullOrEmpty(Sort) || !string.IsNullOrEmpty(OpenItem) || Overdue == true
        || LastAssessedBefore is not null || MinDaysSinceSurgery is not null || MaxDaysSinceSurgery is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        Query = PatientListQuery.Create(Search, Sort, OpenItem, Overdue, LastAssessedBefore, MinDaysSinceSurgery, MaxDaysSinceSurgery, PageNumber, null, out var errors);
        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(key, message);
        }

        Errors = ModelStateErrors.Summary(ModelState, "search");
        if (Errors.Count > 0)
        {
            return;
        }

        List = await directory.ListAsync(User, Query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>This list's address on page <paramref name="page"/>, keeping search, sort and filters.</summary>
    public string PageUrl(int page)
    {
        var query = Request.Query.Where(q => q.Key != "p").SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")))
            .Append("p=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/patients?" + string.Join('&', query);
    }
}
