using KneeSpine.Store.Audit;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Smart;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KneeSpine.Web.Pages.Smart;

/// <summary><c>GET /smart/launch?iss=...&amp;launch=...</c>: the EHR opens KneeSpine; KneeSpine sends the browser to the EHR to authorize.</summary>
[AllowAnonymous]
[Audited(AuditAction.SmartLaunch)]
public sealed class LaunchModel(SmartLaunchFlow flow) : SmartPageModel
{
    public Task<IActionResult> OnGetAsync(string? iss, string? launch) =>
        RunAsync(async () => Redirect((await flow.StartAsync(HttpContext, iss, launch, HttpContext.RequestAborted).ConfigureAwait(false)).AbsoluteUri));
}
