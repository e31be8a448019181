using KneeSpine.Store.Audit;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Smart;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KneeSpine.Web.Pages.Smart;

/// <summary><c>GET /smart/callback?code=...&amp;state=...</c>: the EHR sends the browser back; the clinician lands on the patient's page.</summary>
[AllowAnonymous]
[Audited(AuditAction.SmartSignIn)]
public sealed class CallbackModel(SmartLaunchFlow flow) : SmartPageModel
{
    public Task<IActionResult> OnGetAsync(string? code, string? state, string? error) =>
        RunAsync(async () =>
        {
            var patientId = await flow.CompleteAsync(HttpContext, code, state, error, HttpContext.RequestAborted).ConfigureAwait(false);
            return Redirect($"/patients/{patientId}");
        });
}
