using System.Globalization;
using KneeSpine.Engine.Codes;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.ClinicIdentity;
using KneeSpine.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Pages.Admin.Audit;

/// <summary>The audit trail, newest first, filtered by patient, user, action, outcome and date range; admins only.</summary>
[Authorize(Policy = Policies.Admin)]
[Audited(AuditAction.AuditRead)]
public sealed class IndexModel(KneeSpineDbContext db, ClinicProfile clinic) : PageModel
{
    /// <summary>
    /// Events a page: 25 compact cards are about three phone screens (50 made the page about 8,400 px tall), and 25
    /// table rows fit a desk's screen or two. Older events are a link away, without script.
    /// </summary>
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "patient")]
    public string? Patient { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "outcome")]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>Query <c>p</c>: Razor Pages keeps the route value <c>page</c> for the page's own name.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    public IReadOnlyList<ErrorSummaryItem> Errors { get; private set; } = [];

    /// <summary>Names of the patients the shown events concern, by id (an event may name a patient that no longer exists).</summary>
    public IReadOnlyDictionary<Guid, string> PatientNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The clinic's time zone, as the column heading names it; the export keeps UTC.</summary>
    public string TimeZoneName => clinic.TimeZone == TimeZoneInfo.Utc ? "UTC" : clinic.TimeZone.Id;

    public string LocalTime(DateTimeOffset instant) => clinic.Local(instant).ToString("d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public bool HasOlder { get; private set; }

    /// <summary>The filters asked for, in words, for the folded filter panel's summary; null when there are none.</summary>
    public string? FilterSummary
    {
        get
        {
            var parts = new[]
            {
                string.IsNullOrWhiteSpace(Patient) ? null : "patient",
                string.IsNullOrWhiteSpace(Who) ? null : $"user “{Who.Trim()}”",
                string.IsNullOrWhiteSpace(Action) ? null : Action,
                string.IsNullOrWhiteSpace(Outcome) ? null : Outcome,
                string.IsNullOrWhiteSpace(From) ? null : "from " + From.Trim(),
                string.IsNullOrWhiteSpace(To) ? null : "to " + To.Trim(),
            }.OfType<string>().ToList();
            return parts.Count == 0 ? null : string.Join(", ", parts);
        }
    }

    /// <summary>The first event's number on this page (events are counted newest first).</summary>
    public int FirstNumber => ((PageNumber - 1) * PageSize) + 1;

    public bool Filtered { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (filter, errors) = ReadFilter();
        Errors = errors;
        if (errors.Count > 0)
        {
            return;
        }

        HttpContext.Audit().PatientId = filter.PatientId;
        Filtered = filter != new AuditFilter();
        PageNumber = Math.Max(1, PageNumber);
        var rows = await db.AuditEvents.AsNoTracking().Matching(filter).NewestFirst()
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        HasOlder = rows.Count > PageSize;
        Events = HasOlder ? rows[..PageSize] : rows;
        var ids = Events.Select(e => e.PatientId).OfType<Guid>().Distinct().ToList();
        PatientNames = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>This page's address with the same filters and another page number.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["patient"] = Patient,
            ["user"] = Who,
            ["action"] = Action,
            ["outcome"] = Outcome,
            ["from"] = From,
            ["to"] = To,
            ["p"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return "/admin/audit" + QueryString.Create(query.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
    }

    private (AuditFilter Filter, IReadOnlyList<ErrorSummaryItem> Errors) ReadFilter()
    {
        var errors = new List<ErrorSummaryItem>();
        var filter = new AuditFilter { User = string.IsNullOrWhiteSpace(Who) ? null : Who.Trim() };
        if (!string.IsNullOrWhiteSpace(Patient))
        {
            if (Guid.TryParse(Patient.Trim(), CultureInfo.InvariantCulture, out var patientId))
            {
                filter = filter with { PatientId = patientId };
            }
            else
            {
                errors.Add(new ErrorSummaryItem("patient", "Enter the patient id as it appears in the patient's address, like 0193a1b2-…; or leave it empty."));
            }
        }

        filter = filter with
        {
            Action = Choice<AuditAction>(Action, "action", "an action", errors),
            Outcome = Choice<AuditOutcome>(Outcome, "outcome", "an outcome", errors),
        };
        var from = Day(From, "from", "the first day", errors);
        var to = Day(To, "to", "the last day", errors);
        if (from is { } first && to is { } last && last < first)
        {
            errors.Add(new ErrorSummaryItem("to", "The last day cannot be before the first day."));
        }

        filter = filter with
        {
            From = from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Until = to?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        return (filter, errors);
    }

    private static TCode? Choice<TCode>(string? code, string field, string name, List<ErrorSummaryItem> errors)
        where TCode : struct, Enum
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        if (Code<TCode>.TryParse(code, out var value))
        {
            return value;
        }

        errors.Add(new ErrorSummaryItem(field, $"Choose {name} from the list."));
        return null;
    }

    private static DateOnly? Day(string? text, string field, string name, List<ErrorSummaryItem> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new ErrorSummaryItem(field, $"Enter {name} as a date like 2026-11-25."));
        return null;
    }
}
