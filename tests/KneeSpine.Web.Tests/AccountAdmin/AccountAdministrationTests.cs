using System.Net;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Tests.Audit;
using KneeSpine.Web.Tests.Infrastructure;
using KneeSpine.Web.Tokens;
using Microsoft.AspNetCore.Identity;

namespace KneeSpine.Web.Tests.AccountAdmin;

/// <summary>/admin/users/{id}: disable and enable, unlock, change role, reset a password; each audited and behind antiforgery.</summary>
public abstract class AccountAdministrationTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_until_it_is_enabled_again()
    {
        var admin = await AdminAsync();
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);

        var disabled = await admin.PostAsync(Url(user), Url(user) + "?handler=Disable");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("Disabled", AdminSession.Text(await admin.PageAsync(Url(user))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await TrySignInAsync(user.Email!)).StatusCode);
        Assert.NotNull((await App.FindUserAsync(user.Email!))!.DisabledAt);

        await admin.PostAsync(Url(user), Url(user) + "?handler=Enable");

        Assert.Equal(HttpStatusCode.Redirect, (await TrySignInAsync(user.Email!)).StatusCode);
    }

    [Fact]
    public async Task Disabling_ends_the_accounts_open_cookie_session()
    {
        var admin = await AdminAsync();
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);
        var session = await App.SignInWithCookieAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/patients", Cancel)).StatusCode);

        await admin.PostAsync(Url(user), Url(user) + "?handler=Disable");
        App.Time.Advance(AccountsRegistration.SessionCheckInterval + TimeSpan.FromSeconds(1));

        var after = await session.GetAsync("/patients", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_stops_the_accounts_personal_access_tokens_at_once()
    {
        var admin = await AdminAsync();
        var (user, token) = await App.CreateAccountAsync(Roles.Clinician);
        var api = AuditTrail.Bearer(App, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/patients", Cancel)).StatusCode);

        await admin.PostAsync(Url(user), Url(user) + "?handler=Disable");

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/patients", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Unlocking_lets_a_locked_out_account_sign_in_again()
    {
        var admin = await AdminAsync();
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);
        // Identity's lockout check reads the system clock, not the app's TimeProvider: lock well past both.
        await App.WithServiceAsync<UserManager<KneeSpineUser>, IdentityResult>(async users =>
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, App.Time.GetUtcNow().AddYears(100)));
        Assert.Equal(HttpStatusCode.OK, (await TrySignInAsync(user.Email!)).StatusCode);
        Assert.Contains("Locked", AdminSession.Text(await admin.PageAsync(Url(user))), StringComparison.Ordinal);

        var unlocked = await admin.PostAsync(Url(user), Url(user) + "?handler=Unlock");

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TrySignInAsync(user.Email!)).StatusCode);
    }

    [Fact]
    public async Task A_clinician_made_admin_reaches_the_admin_pages_and_a_patient_keeps_the_patient_role()
    {
        var admin = await AdminAsync();
        var (clinician, _) = await App.CreateAccountAsync(Roles.Clinician);
        var patientId = await NewPatientAsync();
        var (patient, _) = await App.CreateAccountAsync(Roles.Patient, patientId);

        var changed = await admin.PostAsync(Url(clinician), Url(clinician) + "?handler=Role", new Dictionary<string, string> { ["role"] = Roles.Admin });
        var refused = await admin.PostAsync(Url(patient), Url(patient) + "?handler=Role", new Dictionary<string, string> { ["role"] = Roles.Admin });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var promoted = await App.SignInWithCookieAsync(clinician.Email!);
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync("/admin/users", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("keeps the patient role", AdminSession.Text(await refused.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal([Roles.Patient], await RolesOfAsync(patient.Id));
    }

    [Fact]
    public async Task The_last_enabled_admin_can_be_neither_disabled_nor_demoted()
    {
        await using var app = await TestApp.StartAsync(fixture.Kind);
        var (only, _) = await app.CreateAccountAsync(Roles.Admin);
        var admin = await AdminSession.SignInAsync(app, only.Email!);

        var disable = await admin.PostAsync(Url(only), Url(only) + "?handler=Disable");
        var demote = await admin.PostAsync(Url(only), Url(only) + "?handler=Role", new Dictionary<string, string> { ["role"] = Roles.Clinician });

        Assert.Contains("only enabled admin", AdminSession.Text(await disable.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Contains("only enabled admin", AdminSession.Text(await demote.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        var stored = await app.FindUserAsync(only.Email!);
        Assert.Null(stored!.DisabledAt);
        Assert.True(await app.WithServiceAsync<UserManager<KneeSpineUser>, bool>(users => users.IsInRoleAsync(stored, Roles.Admin)));

        var (second, _) = await app.CreateAccountAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(Url(second), Url(second) + "?handler=Disable")).StatusCode);
        Assert.Contains("only enabled admin", AdminSession.Text(await (await admin.PostAsync(Url(only), Url(only) + "?handler=Disable")).Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_then_stops_working()
    {
        var admin = await AdminAsync();
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);

        var made = await admin.PostAsync(Url(user), Url(user) + "?handler=Reset");
        var link = AdminSession.ResetLink(await made.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("no-store", made.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var person = new AdminSession(App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        var set = await person.PostAsync(link.PathAndQuery, link.PathAndQuery, new Dictionary<string, string> { ["Input.NewPassword"] = "a brand new long password" });
        var again = await person.PostAsync(link.PathAndQuery, link.PathAndQuery, new Dictionary<string, string> { ["Input.NewPassword"] = "yet another long password" });

        Assert.Contains("Your new password is set", AdminSession.Text(await set.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Contains("This link does not work", AdminSession.Text(await again.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await TrySignInAsync(user.Email!)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TrySignInAsync(user.Email!, "a brand new long password")).StatusCode);
    }

    [Fact]
    public async Task Every_action_is_refused_without_the_antiforgery_token()
    {
        var admin = await AdminAsync();
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);

        foreach (var handler in new[] { "Disable", "Enable", "Unlock", "Role", "Reset" })
        {
            var response = await admin.Client.PostAsync(Url(user) + "?handler=" + handler, new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = Roles.Admin }), Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var stored = await App.FindUserAsync(user.Email!);
        Assert.Null(stored!.DisabledAt);
        Assert.Equal([Roles.Clinician], await RolesOfAsync(user.Id));
    }

    [Fact]
    public async Task Every_action_is_audited_naming_the_account_concerned()
    {
        var admin = await AdminAsync();
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);
        var mark = await AuditTrail.MarkAsync(App);

        await admin.PostAsync(Url(user), Url(user) + "?handler=Disable");
        await admin.PostAsync(Url(user), Url(user) + "?handler=Enable");
        await admin.PostAsync(Url(user), Url(user) + "?handler=Unlock");
        await admin.PostAsync(Url(user), Url(user) + "?handler=Role", new Dictionary<string, string> { ["role"] = Roles.Admin });
        await admin.PostAsync(Url(user), Url(user) + "?handler=Reset");

        var changes = (await AuditTrail.SinceAsync(App, mark)).Where(e => e.Action != AuditAction.UserList).ToList();
        Assert.Equal(
            [AuditAction.UserDisable, AuditAction.UserEnable, AuditAction.UserUnlock, AuditAction.UserRoleChange, AuditAction.PasswordResetIssue],
            changes.Select(e => e.Action));
        Assert.All(changes, e =>
        {
            Assert.True(e.Outcome == AuditOutcome.Success, AuditTrail.Describe(e));
            Assert.Contains(user.Email!, e.Detail, StringComparison.Ordinal);
            Assert.Equal(Roles.Admin, e.Role);
        });
    }

    [Fact]
    public async Task A_token_made_on_the_web_expires_after_the_clis_default_of_90_days()
    {
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);
        var session = await AdminSession.SignInAsync(App, user.Email!);

        var created = await session.PostAsync("/account", "/account?handler=Create", new Dictionary<string, string> { ["name"] = "ward laptop" });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var token = (await App.WithServiceAsync<PersonalAccessTokens, IReadOnlyList<TokenSummary>>(t => t.ListAsync(user.Id, Cancel)))
            .Single(t => t.Name == "ward laptop");
        Assert.Equal(token.CreatedAt.AddDays(90), token.ExpiresAt);
        Assert.Equal(90, PersonalAccessTokens.DefaultLifetimeDays);
    }

    [Fact]
    public async Task A_patient_is_not_offered_tokens_and_a_posted_request_is_refused_with_403()
    {
        var (patient, _) = await App.CreateAccountAsync(Roles.Patient, await NewPatientAsync());
        var before = (await App.WithServiceAsync<PersonalAccessTokens, IReadOnlyList<TokenSummary>>(t => t.ListAsync(patient.Id, Cancel))).Count;
        var session = await AdminSession.SignInAsync(App, patient.Email!);

        var page = await session.PageAsync("/account");
        var refused = await session.PostAsync("/account", "/account?handler=Create", new Dictionary<string, string> { ["name"] = "my phone" });

        Assert.DoesNotContain("Create token", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, (await App.WithServiceAsync<PersonalAccessTokens, IReadOnlyList<TokenSummary>>(t => t.ListAsync(patient.Id, Cancel))).Count);
    }

    private static string Url(KneeSpineUser user) => "/admin/users/" + user.Id;

    private async Task<AdminSession> AdminAsync()
    {
        var (admin, _) = await App.CreateAccountAsync(Roles.Admin);
        return await AdminSession.SignInAsync(App, admin.Email!);
    }

    /// <summary>Posts the login form; a redirect means signed in, 200 means the form came back with an error.</summary>
    private async Task<HttpResponseMessage> TrySignInAsync(string email, string password = TestApp.Password)
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login", Cancel);
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(form),
        }), Cancel);
    }

    private Task<IList<string>> RolesOfAsync(string userId) =>
        App.WithServiceAsync<UserManager<KneeSpineUser>, IList<string>>(async users => await users.GetRolesAsync((await users.FindByIdAsync(userId))!));

    private async Task<Guid> NewPatientAsync()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        return await PatientsApiTests.CreatePatientAsync(clinician, "Account Test Patient");
    }
}

public sealed class AccountAdministrationOnSqlite(SqliteApp app) : AccountAdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class AccountAdministrationOnPostgres(PostgresApp app) : AccountAdministrationTests(app), IClassFixture<PostgresApp>;
