using KneeSpine.Web.Audit;
using KneeSpine.Web.Smart;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Smart;

/// <summary>
/// The two SMART launch pages: a step that completes redirects; a refusal shows why with its status (400, 403, 404,
/// 422) and goes in the audit trail as denied; an EHR that does not answer shows a 503 page with Retry-After.
/// </summary>
public abstract class SmartPageModel : PageModel
{
    public const int RetryAfterSeconds = 30;

    /// <summary>What the clinician reads when the launch did not complete; null when it did.</summary>
    public string? Problem { get; private set; }

    /// <summary>The EHR did not answer (the page says to try again).</summary>
    public bool Unavailable { get; private set; }

    protected async Task<IActionResult> RunAsync(Func<Task<IActionResult>> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (SmartLaunchRefusedException refused)
        {
            HttpContext.Audit().Deny(refused.Reason);
            Problem = refused.Message;
            Response.StatusCode = refused.StatusCode;
            return Page();
        }
        catch (SmartEhrUnavailableException unavailable)
        {
            var audit = HttpContext.Audit();
            audit.Outcome = KneeSpine.Store.Audit.AuditOutcome.Failure;
            audit.Detail = unavailable.Message;
            Problem = "The EHR is not answering right now, so KneeSpine cannot open the patient. Wait a minute, then open KneeSpine from the EHR again.";
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }
    }
}
