using System.Globalization;
using System.Security.Claims;
using KneeSpine.Fhir.Audit;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.CdsHooks;
using KneeSpine.Web.Problems;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Audit;

/// <summary>
/// Writes one audit event for every request to an audited endpoint (<see cref="AuditedAttribute"/>), every request
/// that presented a personal access token, and every request authorization refused. Sits between routing and
/// authentication, so it sees the endpoint, the user, refusals and the final status.
/// </summary>
/// <remarks>
/// The event is written after the endpoint, in its own unit of work (ADR-050): a clinical write is committed first
/// and never waits for, or depends on, its audit row. When the audit write fails, <see cref="AuditLog"/> logs the
/// whole event at Critical level instead; the answer has already been given.
/// </remarks>
internal sealed class AuditMiddleware(RequestDelegate next, TimeProvider time)
{
    public const string Anonymous = "anonymous";

    private const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetUtcNow();
        int? failedWith = null;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The exception handler further out answers as KneeSpineExceptionHandler decides (an unreadable body 400,
            // no database 503, else 500); the event says the same, and the exception goes on.
            // 499 (as proxies log it): the caller went away before the answer.
            failedWith = context.RequestAborted.IsCancellationRequested ? ClientClosedRequest
                : exception is BadHttpRequestException badRequest ? badRequest.StatusCode
                : DatabaseUnavailable.Is(exception) ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError;
            await RecordAsync(context, started, failedWith).ConfigureAwait(false);
            throw;
        }

        await RecordAsync(context, started, failedWith).ConfigureAwait(false);
    }

    private static async Task RecordAsync(HttpContext context, DateTimeOffset started, int? failedWith)
    {
        var request = context.Request;
        var audited = AuditedAttribute.For(context.GetEndpoint(), request.Method);
        var record = context.Features.Get<AuditRecord>();
        var user = context.User;
        var tokenId = user.UsedTokenId();
        var action = record?.Action ?? audited?.Action
            ?? (record?.TokenPresented == true || tokenId is not null ? AuditAction.TokenUse
                : record?.Refused == true ? AuditAction.AccessDenied
                : (AuditAction?)null);
        if (action is null)
        {
            return;
        }

        var status = failedWith ?? context.Response.StatusCode;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var patientId = record?.PatientId ?? PatientOf(context, audited, user);
        var issuer = context.Items[CdsJwtFilter.IssuerItem] as string;
        // A handler that names who (a sign-in attempt) is believed over whoever the request's cookie belongs to.
        var named = record?.UserName is not null;
        var (outcome, reason) = Outcome(context, record, status, patientId, user);
        var auditEvent = new AuditEvent
        {
            OccurredAt = started,
            Action = action.Value,
            Outcome = outcome,
            StatusCode = status,
            UserId = named ? record!.UserId : signedIn ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null,
            UserName = named ? record!.UserName! : (signedIn ? user.Identity!.Name : null) ?? issuer ?? Anonymous,
            Role = !named && signedIn ? user.FindFirstValue(ClaimTypes.Role) : null,
            TokenId = record?.TokenId ?? tokenId,
            Client = issuer is null ? null : AuditEntry.CdsHooksClient,
            PatientId = patientId,
            // The path, never the query string: a search can hold a patient's name.
            Resource = request.Method + " " + request.PathBase + request.Path,
            RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            Detail = reason is null ? record?.Detail : record?.Detail is { } detail ? detail + "; " + reason : reason,
        };
        await context.RequestServices.GetRequiredService<AuditLog>().TryRecordAsync(auditEvent).ConfigureAwait(false);
    }

    private static Guid? PatientOf(HttpContext context, AuditedAttribute? audited, ClaimsPrincipal user)
    {
        if (audited?.CallersRecord == true)
        {
            return user.LinkedPatientId();
        }

        return audited?.PatientRouteValue is { } name
            && context.GetRouteValue(name)?.ToString() is { } value
            && Guid.TryParse(value, CultureInfo.InvariantCulture, out var id)
                ? id
                : null;
    }

    /// <summary>The handler's word when it gave one; otherwise what the status says (with why, when that is not plain).</summary>
    private static (AuditOutcome Outcome, string? Reason) Outcome(HttpContext context, AuditRecord? record, int status, Guid? patientId, ClaimsPrincipal user)
    {
        if (record?.Outcome is { } outcome)
        {
            return (outcome, null);
        }

        if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests)
        {
            return (AuditOutcome.Denied, status == StatusCodes.Status429TooManyRequests ? "rate limit" : null);
        }

        // A patient aiming at another patient's record gets 404 (nothing leaks); the trail still calls it refused.
        if (status >= 400 && patientId is { } patient && user.Identity?.IsAuthenticated == true && !user.CanAccessPatient(patient))
        {
            return (AuditOutcome.Denied, AuditRecord.OthersRecord);
        }

        if (status >= 400)
        {
            return (AuditOutcome.Failure, null);
        }

        // A form post answered with the page again (not a redirect) was not accepted; pages that succeed without
        // redirecting (a new token, a changed password) say so through the record.
        var formPost = HttpMethods.IsPost(context.Request.Method)
            && context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null;
        return (formPost && status < 300 ? AuditOutcome.Failure : AuditOutcome.Success, formPost && status < 300 ? "form shown again" : null);
    }
}
