using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.ClinicIdentity;
using KneeSpine.Web.Ui;
using KneeSpine.Web.Worklist;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Worklist;

/// <summary>
/// The clinic's inbox: worrying results waiting for someone to act, most severe and longest waiting first, each with
/// a form to record what was done. Items are anchored <c>#item-{id}</c>, the link in the care team's email.
/// </summary>
[Authorize(Policy = Policies.Clinician)]
[Audited(AuditAction.WorklistRead, Method = "GET")]
[Audited(AuditAction.WorklistAcknowledge, Method = "POST")]
public sealed class IndexModel(WorklistService worklist, TimeProvider time, ClinicProfile clinic) : PageModel
{
    public const int PageSize = WorklistService.DefaultPageSize;

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    // Not "page": Razor Pages route values already use that name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The item the care team's email links to, shown even when it is not on this page of the list.</summary>
    [BindProperty(SupportsGet = true, Name = "item")]
    public Guid? LinkedId { get; set; }

    [BindProperty(SupportsGet = true, Name = "done")]
    public Guid? DoneId { get; set; }

    [BindProperty]
    public AcknowledgeInput Input { get; set; } = new();

    public WorklistStatus Filter { get; private set; } = WorklistStatus.Open;

    public IReadOnlyList<WorklistRow> Rows { get; private set; } = [];

    public WorklistRow? Linked { get; private set; }

    public WorklistRow? Done { get; private set; }

    public int Total { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>The item whose form has <see cref="Errors"/>.</summary>
    public Guid? FailedItem { get; private set; }

    public IReadOnlyList<ErrorSummaryItem> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (WorklistApi.ParseStatus(Status) is not { } filter || PageNumber < 1)
        {
            return Redirect("/worklist");
        }

        Filter = filter;
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Filter = WorklistApi.ParseStatus(Status) ?? WorklistStatus.Open;
        PageNumber = Math.Max(PageNumber, 1);
        var outcome = await worklist.AcknowledgeAsync(Input.ItemId, Input.Action, Input.Note, User.AuditName(), cancellationToken).ConfigureAwait(false);
        if (outcome.Item is { } item)
        {
            HttpContext.Audit().PatientId = item.PatientId;
        }

        if (outcome.Item is { } done && !outcome.AlreadyAcknowledged && outcome.Errors.Count == 0)
        {
            return Redirect(ListUrl(Filter, PageNumber, done.Id));
        }

        FailedItem = Input.ItemId;
        Errors = outcome.NotFound
            ? [new ErrorSummaryItem("main", "That worklist item does not exist.")]
            : outcome.AlreadyAcknowledged
                ? [new ErrorSummaryItem($"item-{Input.ItemId}", $"{outcome.Item!.AcknowledgedBy} already acknowledged this item at {clinic.Time(outcome.Item.AcknowledgedAt!.Value)}.")]
                : [.. outcome.Errors.Select(e => new ErrorSummaryItem($"{e.Key}-{Input.ItemId}", e.Value))];
        LinkedId = Input.ItemId;
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        // A 409 or 400 tells tools what the error summary tells people.
        Response.StatusCode = outcome.NotFound ? StatusCodes.Status404NotFound
            : outcome.AlreadyAcknowledged ? StatusCodes.Status409Conflict
            : StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The error for <paramref name="field"/> (action, note) of <paramref name="itemId"/>'s form.</summary>
    public string? ErrorFor(Guid itemId, string field) =>
        FailedItem == itemId ? Errors.FirstOrDefault(e => e.Anchor == $"{field}-{itemId}")?.Message : null;

    public static string ListUrl(WorklistStatus status, int page, Guid? done = null)
    {
        var query = new List<string>();
        if (status != WorklistStatus.Open)
        {
            query.Add("status=" + status.ToString().ToLowerInvariant());
        }

        if (page > 1)
        {
            query.Add("p=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (done is { } id)
        {
            query.Add($"done={id}");
        }

        return "/worklist" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    public bool HasNextPage => PageNumber * PageSize < Total;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        (Rows, Total) = await worklist.ListAsync(Filter, PageNumber, PageSize, cancellationToken).ConfigureAwait(false);
        if (LinkedId is { } linked && Rows.All(r => r.Item.Id != linked))
        {
            Linked = await worklist.FindRowAsync(linked, cancellationToken).ConfigureAwait(false);
        }

        if (DoneId is { } doneId)
        {
            Done = Rows.FirstOrDefault(r => r.Item.Id == doneId) ?? await worklist.FindRowAsync(doneId, cancellationToken).ConfigureAwait(false);
        }
    }

    public sealed class AcknowledgeInput
    {
        public Guid ItemId { get; set; }

        public string? Action { get; set; }

        public string? Note { get; set; }
    }
}
