using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace KneeSpine.Web.Audit;

/// <summary>Marks a request that authorization refuses (challenge or forbid) before the framework answers it as usual.</summary>
internal sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Challenged)
        {
            context.Audit().Deny("not signed in");
        }
        else if (authorizeResult.Forbidden)
        {
            context.Audit().Deny("not allowed for this account's role");
        }

        return standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
