using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.ClinicIdentity;
using KneeSpine.Web.Reports;
using KneeSpine.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Reports;

/// <summary>
/// The outcomes report for clinicians and admins (docs/reports.md): a filter form (GET, so a report is a link), the
/// headline numbers, then each table with its chart beside it and a CSV link carrying the same filter.
/// </summary>
[Authorize(Policy = Policies.Clinician)]
public sealed class IndexModel(ReportService reports, ClinicProfile clinic) : PageModel
{
    public ReportFilter Filter { get; private set; } = ReportFilter.All;

    public OutcomesReport? Report { get; private set; }

    public IReadOnlyList<ErrorSummaryItem> Errors { get; private set; } = [];

    public IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();

    public static IReadOnlyList<(string Code, string Label)> AgeOptions { get; } = [.. AgeBands.All.Select(b => (AgeBands.Code(b), AgeBands.Label(b)))];

    public static IReadOnlyList<string> SexOptions => Code<Sex>.All;

    public static IReadOnlyList<string> AnesthesiaOptions => Code<Anesthesia>.All;

    public static IReadOnlyList<string> ProcedureOptions => Code<SurgeryProcedure>.All;

    public static IReadOnlyList<string> SideOptions => Code<SurgerySide>.All;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (filter, errors) = ReportFilter.Parse(name => Request.Query[name].ToString());
        Filter = filter;
        FieldErrors = errors;
        if (errors.Count > 0)
        {
            Errors = [.. errors.Select(e => new ErrorSummaryItem("filter-" + e.Key, e.Value))];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Report = await reports.BuildAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The filter's raw value as typed, for refilling the form.</summary>
    public string Value(string name) => Request.Query[name].ToString();

    public string Local(DateTimeOffset instant) => clinic.Local(instant).ToString("d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public string CsvUrl(string table) => $"/reports/{table}.csv{Filter.ToQueryString()}";
}
