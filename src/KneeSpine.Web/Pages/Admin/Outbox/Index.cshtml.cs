using System.Globalization;
using KneeSpine.Engine.Codes;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Store.Notifications;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Pages.Admin.Outbox;

/// <summary>
/// The outbox, newest first: what waits, what failed (with the last error and the next attempt) and what was sent;
/// admins only. A failing message can be tried again at once.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[Audited(AuditAction.OutboxRead, Method = "GET")]
[Audited(AuditAction.OutboxRetry, Method = "POST")]
public sealed class IndexModel(KneeSpineDbContext db, OutboxSender sender, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Query <c>state</c>: pending, failing or sent; all when empty.</summary>
    [BindProperty(SupportsGet = true, Name = "state")]
    public string? State { get; set; }

    /// <summary>Query <c>retried</c> after "Try again now": <c>yes</c>, or <c>no</c> when the message was already sent.</summary>
    [BindProperty(SupportsGet = true, Name = "retried")]
    public string? Retried { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public IReadOnlyDictionary<OutboxState, int> Counts { get; private set; } = new Dictionary<OutboxState, int>();

    public bool HasOlder { get; private set; }

    /// <summary>False when no mail server is configured: emails wait here unsent.</summary>
    public bool CanSendEmail => sender.Deliverable.Contains(OutboxMessageKind.Email);

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        OutboxState? state = null;
        if (!string.IsNullOrEmpty(State))
        {
            if (!Code<OutboxState>.TryParse(State, out var parsed))
            {
                Error = "Choose pending, failing or sent from the list.";
                return;
            }

            state = parsed;
        }

        var counts = await db.OutboxMessages.AsNoTracking()
            .GroupBy(m => m.SentAt != null ? 2 : m.Attempts > 0 ? 1 : 0)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        Counts = Code<OutboxState>.Values.ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == (int)s)?.Count ?? 0);

        PageNumber = Math.Max(1, PageNumber);
        var rows = await db.OutboxMessages.AsNoTracking().InState(state)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        HasOlder = rows.Count > PageSize;
        Messages = HasOlder ? rows[..PageSize] : rows;
    }

    /// <summary>Makes an unsent message due now, so the sender tries it on its next pass instead of after its back-off.</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var changed = await db.WriteAsync(token => db.OutboxMessages.Where(m => m.Id == id && m.SentAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, now), token), cancellationToken).ConfigureAwait(false);
        HttpContext.Audit().Detail = $"outbox message {id}";
        return Redirect("/admin/outbox" + QueryString.Create("retried", changed == 1 ? "yes" : "no"));
    }

    public string PageUrl(int page) => "/admin/outbox" + QueryString.Create(new Dictionary<string, string?>
    {
        ["state"] = State,
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
}
