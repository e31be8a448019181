using KneeSpine.Store.Accounts;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace KneeSpine.Web.Tests.AccountAdmin;

/// <summary>
/// A password reset link ends with its lifetime on the app's clock (ADR-140). A class of its own, with its own app:
/// it moves the shared fake clock a day forward.
/// </summary>
public abstract class ResetLinkExpiryTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task A_reset_link_works_until_its_lifetime_ends_and_is_then_refused_with_a_clear_message()
    {
        var (admin, _) = await App.CreateAccountAsync(Roles.Admin);
        var session = await AdminSession.SignInAsync(App, admin.Email!);
        var (early, _) = await App.CreateAccountAsync(Roles.Clinician);
        var (late, _) = await App.CreateAccountAsync(Roles.Clinician);
        var earlyLink = await MakeLinkAsync(session, early);
        var lateLink = await MakeLinkAsync(session, late);

        // A minute before the end the link still works; a minute after it, it is refused and the password stays.
        App.Time.Advance(AccountsRegistration.PasswordResetLifetime - TimeSpan.FromMinutes(1));
        var inTime = await UseAsync(earlyLink, "a brand new long password");
        App.Time.Advance(TimeSpan.FromMinutes(2));
        var tooLate = await UseAsync(lateLink, "a brand new long password");

        Assert.Contains("Your new password is set", inTime, StringComparison.Ordinal);
        Assert.True(await HasPasswordAsync(early.Email!, "a brand new long password"));
        Assert.Contains("This link does not work", tooLate, StringComparison.Ordinal);
        Assert.Contains("too old", tooLate, StringComparison.Ordinal);
        Assert.Contains("Ask the clinic's administrator for a new one", tooLate, StringComparison.Ordinal);
        Assert.False(await HasPasswordAsync(late.Email!, "a brand new long password"));
        Assert.True(await HasPasswordAsync(late.Email!, TestApp.Password));
    }

    private static async Task<Uri> MakeLinkAsync(AdminSession admin, KneeSpineUser user)
    {
        var url = "/admin/users/" + user.Id;
        var made = await admin.PostAsync(url, url + "?handler=Reset");
        return AdminSession.ResetLink(await made.Content.ReadAsStringAsync(Cancel));
    }

    /// <summary>Opens the link as the person would (no one signed in), sends a new password, and gives the page's text.</summary>
    private async Task<string> UseAsync(Uri link, string newPassword)
    {
        var person = new AdminSession(App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        var answer = await person.PostAsync(link.PathAndQuery, link.PathAndQuery, new Dictionary<string, string> { ["Input.NewPassword"] = newPassword });
        return AdminSession.Text(await answer.Content.ReadAsStringAsync(Cancel));
    }

    private Task<bool> HasPasswordAsync(string email, string password) =>
        App.WithServiceAsync<UserManager<KneeSpineUser>, bool>(async users => await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, password));
}

public sealed class ResetLinkExpiryOnSqlite(SqliteApp app) : ResetLinkExpiryTests(app), IClassFixture<SqliteApp>;

public sealed class ResetLinkExpiryOnPostgres(PostgresApp app) : ResetLinkExpiryTests(app), IClassFixture<PostgresApp>;
