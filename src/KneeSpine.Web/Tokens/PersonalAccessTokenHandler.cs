using System.Security.Claims;
using System.Text.Encodings.Web;
using KneeSpine.Web.Accounts;
using KneeSpine.Store.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KneeSpine.Web.Tokens;

/// <summary>Authenticates <c>Authorization: Bearer ksp_...</c> with a personal access token.</summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PersonalAccessTokens tokens,
    UserManager<KneeSpineUser> users,
    IOptions<IdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string BearerPrefix = "Bearer ";

    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearerToken(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var token = Request.Headers.Authorization.ToString()[BearerPrefix.Length..].Trim();
        var account = await tokens.FindAccountAsync(token, Context.RequestAborted).ConfigureAwait(false);
        if (account is null || await users.IsLockedOutAsync(account.User).ConfigureAwait(false))
        {
            return AuthenticateResult.Fail("Invalid, expired or revoked token.");
        }

        // The same claims a sign-in gives, from the roles read with the token (no further queries).
        var principal = new ClaimsPrincipal(KneeSpineClaimsPrincipalFactory.Identity(account.User, account.Roles, identity.Value.ClaimsIdentity));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer");
        return Task.CompletedTask;
    }
}
