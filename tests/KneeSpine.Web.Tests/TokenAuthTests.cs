using System.Net;
using System.Net.Http.Headers;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using KneeSpine.Web.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests;

public abstract class TokenAuthTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Valid_token_authenticates_api_calls()
    {
        var client = await App.ClientAsync(Roles.Clinician);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/patients", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Unknown_token_gives_401_with_bearer_challenge()
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PersonalAccessTokens.TokenPrefix + "not-a-real-token");

        var response = await client.GetAsync("/api/v1/patients", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Revoked_token_no_longer_works()
    {
        var (user, token) = await App.CreateAccountAsync(Roles.Clinician);
        var client = WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/patients", Cancel)).StatusCode);
        var id = (await App.WithServiceAsync<PersonalAccessTokens, IReadOnlyList<TokenSummary>>(t => t.ListAsync(user.Id, Cancel))).Single().Id;

        Assert.True(await App.WithServiceAsync<PersonalAccessTokens, bool>(t => t.RevokeAsync(user.Id, id, Cancel)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/patients", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Expired_token_no_longer_works()
    {
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);
        var created = await App.WithServiceAsync<PersonalAccessTokens, CreatedToken>(t => t.CreateAsync(user, "short", TimeSpan.FromMinutes(30), Cancel));
        var client = WithToken(created.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/patients", Cancel)).StatusCode);

        App.Time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/patients", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Token_of_a_locked_out_account_is_refused()
    {
        var (user, token) = await App.CreateAccountAsync(Roles.Clinician);
        await App.WithServiceAsync<UserManager<KneeSpineUser>, IdentityResult>(async users =>
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.MaxValue));

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(token).GetAsync("/api/v1/patients", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Locking_an_account_stops_its_token_on_the_very_next_request()
    {
        var (user, token) = await App.CreateAccountAsync(Roles.Clinician);
        var client = WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/patients", Cancel)).StatusCode);

        await App.WithServiceAsync<UserManager<KneeSpineUser>, IdentityResult>(async users =>
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.MaxValue));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/patients", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_token_revoked_by_another_node_stops_working_within_the_cache_lifetime()
    {
        var (user, token) = await App.CreateAccountAsync(Roles.Clinician);
        var client = WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/patients", Cancel)).StatusCode);

        // Straight to the database, as another app instance or the CLI would: this node sees no change of its own.
        await App.WithServiceAsync<KneeSpineDbContext, int>(db =>
            db.PersonalAccessTokens.Where(t => t.UserId == user.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, App.Time.GetUtcNow()), Cancel));
        App.Time.Advance(TokenAccountCache.Lifetime);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/patients", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_token_carries_the_same_claims_as_a_sign_in()
    {
        var patient = await PatientsApiTests.CreatePatientAsync(await App.ClientAsync(Roles.Clinician), "Token Claims Patient");
        var (user, token) = await App.CreateAccountAsync(Roles.Patient, patient);

        var fromToken = await App.WithServiceAsync<PersonalAccessTokens, TokenAccount?>(t => t.FindAccountAsync(token, Cancel));
        var fromSignIn = await App.WithServiceAsync<IUserClaimsPrincipalFactory<KneeSpineUser>, System.Security.Claims.ClaimsPrincipal>(f => f.CreateAsync(user));
        var options = await App.WithServiceAsync<Microsoft.Extensions.Options.IOptions<IdentityOptions>, IdentityOptions>(o => Task.FromResult(o.Value));
        var tokenIdentity = Accounts.KneeSpineClaimsPrincipalFactory.Identity(fromToken!.User, fromToken.Roles, options.ClaimsIdentity);

        Assert.Equal(Claims(fromSignIn.Claims), Claims(tokenIdentity.Claims));
        Assert.Contains(tokenIdentity.Claims, c => c.Type == Accounts.KneeSpineClaims.PatientId && c.Value == patient.ToString());
    }

    private static List<string> Claims(IEnumerable<System.Security.Claims.Claim> claims) =>
        [.. claims.Select(c => c.Type + "=" + c.Value).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Only_the_hash_of_a_token_is_stored_and_listing_never_shows_it()
    {
        var (user, token) = await App.CreateAccountAsync(Roles.Clinician);

        var stored = await App.WithServiceAsync<KneeSpineDbContext, List<string>>(db =>
            db.PersonalAccessTokens.Where(t => t.UserId == user.Id).Select(t => t.TokenHash).ToListAsync(Cancel));
        var listed = await App.WithServiceAsync<PersonalAccessTokens, IReadOnlyList<TokenSummary>>(t => t.ListAsync(user.Id, Cancel));

        Assert.Equal([PersonalAccessTokens.Hash(token)], stored);
        Assert.Equal(64, stored[0].Length);
        Assert.DoesNotContain(token, stored[0], StringComparison.Ordinal);
        Assert.StartsWith(listed.Single().Prefix, token, StringComparison.Ordinal);
        Assert.True(listed.Single().Prefix.Length < token.Length / 3);
    }

    [Fact]
    public async Task Browser_pages_redirect_to_login_while_the_api_does_not()
    {
        var client = App.Anonymous();

        var page = await client.GetAsync("/account/logout", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location?.PathAndQuery ?? page.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_answers_are_never_cached_and_no_page_can_be_framed()
    {
        var client = await App.ClientAsync(Roles.Clinician);

        var api = await client.GetAsync("/api/v1/patients", Cancel);
        var page = await App.Anonymous().GetAsync("/account/login", Cancel);

        Assert.True(api.Headers.CacheControl?.NoStore);
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(api.Headers.GetValues("X-Content-Type-Options")));
    }

    private HttpClient WithToken(string token)
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed class TokenAuthOnSqlite(SqliteApp app) : TokenAuthTests(app), IClassFixture<SqliteApp>;

public sealed class TokenAuthOnPostgres(PostgresApp app) : TokenAuthTests(app), IClassFixture<PostgresApp>;
