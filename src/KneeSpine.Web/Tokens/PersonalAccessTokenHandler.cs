using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
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
        // Only what looks like a KneeSpine token is a token use. An EHR's CDS Hooks JWT is its filter's business: no
        // query, and no "was not authenticated" information log on every CDS call (issue 13).
        if (!token.StartsWith(PersonalAccessTokens.TokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var account = await tokens.FindAccountAsync(token, Context.RequestAborted).ConfigureAwait(false);
        if (account is null || account.User.DisabledAt is not null || await users.IsLockedOutAsync(account.User).ConfigureAwait(false))
        {
            var audit = Context.Audit();
            audit.TokenPresented = true;
            if (account is { } locked)
            {
                audit.UserId = locked.User.Id;
                audit.UserName = locked.User.Email;
                audit.TokenId = locked.TokenId;
            }

            audit.Deny(account is null ? "personal access token unknown, expired or revoked"
                : account.User.DisabledAt is not null ? "account disabled" : "account locked");
            return AuthenticateResult.Fail("Invalid, expired or revoked token.");
        }

        // The same claims a sign-in gives, from the roles read with the token (no further queries).
        var principal = new ClaimsPrincipal(KneeSpineClaimsPrincipalFactory.Identity(account.User, account.Roles, identity.Value.ClaimsIdentity));
        // The audit trail records which token acted.
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(KneeSpineClaims.TokenId, account.TokenId.ToString("D", CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // RFC 6750: a request that carried a token is told it was refused; one without is told what to send.
        Response.Headers.Append(HeaderNames.WWWAuthenticate, HasBearerToken(Request) ? "Bearer error=\"invalid_token\"" : "Bearer");
        return Task.CompletedTask;
    }
}
