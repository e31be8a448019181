using KneeSpine.Cli.Hosting;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Tests.Accounts;

/// <summary>
/// <c>kneespine user disable|enable|unlock</c>: the web admin page's rules (the last enabled admin stays enabled; a
/// disabled account's tokens stop working), audited the same way, exit code 2 naming <c>--email</c> on bad input.
/// </summary>
public sealed class UserAccessCommandTests
{
    private const string Password = "a long enough password";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Disable_stops_the_accounts_token_and_renews_its_stamp_and_enable_lets_it_back_in()
    {
        using var data = new TempDataDirectory();
        await AddAsync(data, "boss@example.org", "admin");
        await AddAsync(data, "dr.no@example.org", "clinician");
        var token = (await CliRun.RunAsync("token", "create", "--user", "dr.no@example.org", "--data", data.Path)).Output.Trim();
        var stampBefore = (await FindAsync(data, "dr.no@example.org")).SecurityStamp;

        var disabled = await CliRun.RunAsync("user", "disable", "--email", "dr.no@example.org", "--data", data.Path);

        Assert.Equal(0, disabled.ExitCode);
        Assert.Equal("Disabled the account dr.no@example.org.\n", disabled.Output);
        var owner = await TokenOwnerAsync(data, token);
        // The bearer handler refuses a token whose account is disabled (Web.Tests: Disabling_stops_the_accounts_personal_access_tokens_at_once).
        Assert.NotNull(owner!.DisabledAt);
        Assert.NotEqual(stampBefore, owner.SecurityStamp);

        var enabled = await CliRun.RunAsync("user", "enable", "--email", "dr.no@example.org", "--data", data.Path);

        Assert.Equal(0, enabled.ExitCode);
        Assert.Null((await FindAsync(data, "dr.no@example.org")).DisabledAt);
        var audit = await AuditAsync(data);
        Assert.Contains(audit, e => e.Action == AuditAction.UserDisable && e.Outcome == AuditOutcome.Success && e.Detail == "disabled account dr.no@example.org");
        Assert.Contains(audit, e => e.Action == AuditAction.UserEnable && e.Outcome == AuditOutcome.Success && e.Detail == "enabled account dr.no@example.org");
    }

    [Fact]
    public async Task The_last_enabled_admin_cannot_be_disabled_and_the_refusal_exits_2()
    {
        using var data = new TempDataDirectory();
        await AddAsync(data, "only@example.org", "admin");

        var run = await CliRun.RunAsync("user", "disable", "--email", "only@example.org", "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("kneespine: --email only@example.org: This is the only enabled admin account", run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace, run.Error);
        Assert.Null((await FindAsync(data, "only@example.org")).DisabledAt);
        Assert.Contains(await AuditAsync(data), e => e.Action == AuditAction.UserDisable && e.Outcome == AuditOutcome.Failure);
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("enable")]
    [InlineData("unlock")]
    public async Task An_unknown_email_exits_2_naming_the_option(string action)
    {
        using var data = new TempDataDirectory();

        var run = await CliRun.RunAsync("user", action, "--email", "nobody@example.org", "--data", data.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("kneespine: --email: no account has the email address 'nobody@example.org'", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.False(run.PrintedStackTrace, run.Error);
    }

    [Fact]
    public async Task Unlock_ends_a_lockout_and_clears_the_failed_count()
    {
        using var data = new TempDataDirectory();
        await AddAsync(data, "locked@example.org", "clinician");
        await using (var app = await CliServices.OpenAsync(data.Path, Cancel))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<KneeSpineUser>>();
            var user = (await users.FindByEmailAsync("locked@example.org"))!;
            await users.AccessFailedAsync(user);
            Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(1))).Succeeded);
        }

        var run = await CliRun.RunAsync("user", "unlock", "--email", "locked@example.org", "--data", data.Path);

        Assert.Equal(0, run.ExitCode);
        var unlocked = await FindAsync(data, "locked@example.org");
        Assert.Null(unlocked.LockoutEnd);
        Assert.Equal(0, unlocked.AccessFailedCount);
    }

    private static async Task AddAsync(TempDataDirectory data, string email, string role)
    {
        var run = await CliRun.RunWithInputAsync(Password + "\n", "user", "add", "--email", email, "--role", role, "--data", data.Path);
        Assert.Equal(0, run.ExitCode);
    }

    private static async Task<KneeSpineUser> FindAsync(TempDataDirectory data, string email)
    {
        await using var app = await CliServices.OpenAsync(data.Path, Cancel);
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<KneeSpineUser>>().FindByEmailAsync(email))!;
    }

    private static async Task<KneeSpineUser?> TokenOwnerAsync(TempDataDirectory data, string token)
    {
        await using var app = await CliServices.OpenAsync(data.Path, Cancel);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().FindUserAsync(token, Cancel);
    }

    private static async Task<List<AuditEvent>> AuditAsync(TempDataDirectory data)
    {
        await using var app = await CliServices.OpenAsync(data.Path, Cancel);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>().AuditEvents.AsNoTracking().ToListAsync(Cancel);
    }
}
