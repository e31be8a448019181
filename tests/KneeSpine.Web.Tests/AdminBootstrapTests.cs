using KneeSpine.Store.Accounts;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests;

public abstract class AdminBootstrapTests(TestDatabaseKind kind)
{
    private const string Email = "first.admin@example.org";
    private const string FirstPassword = "first admin password";

    [Fact]
    public async Task First_start_creates_the_admin_and_a_restart_with_other_values_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using (var first = TestApp.Start(database, Settings(Email, FirstPassword)))
        {
            var admin = await first.FindUserAsync(Email);
            Assert.NotNull(admin);
            Assert.True(await first.WithServiceAsync<UserManager<KneeSpineUser>, bool>(users => users.IsInRoleAsync(admin, Roles.Admin)));
        }

        await using var restarted = TestApp.Start(database, Settings(Email, "a different password"));

        var users = await restarted.WithServiceAsync<UserManager<KneeSpineUser>, List<KneeSpineUser>>(u => u.Users.ToListAsync(TestContext.Current.CancellationToken));
        var only = Assert.Single(users);
        Assert.True(await restarted.WithServiceAsync<UserManager<KneeSpineUser>, bool>(u => u.CheckPasswordAsync(only, FirstPassword)));
        Assert.False(await restarted.WithServiceAsync<UserManager<KneeSpineUser>, bool>(u => u.CheckPasswordAsync(only, "a different password")));
    }

    [Fact]
    public async Task Without_the_variables_no_account_is_created()
    {
        await using var app = await TestApp.StartAsync(kind);

        var count = await app.WithServiceAsync<UserManager<KneeSpineUser>, int>(u => u.Users.CountAsync(TestContext.Current.CancellationToken));

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Email_without_password_stops_the_start_with_a_message_naming_both_variables()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(kind, Settings(Email, null)));

        Assert.Contains(AdminBootstrapper.PasswordVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_short_password_stops_the_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(kind, Settings(Email, "short")));

        Assert.Contains("at least 12", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(string? email, string? password) => new()
    {
        [AdminBootstrapper.EmailVariable] = email,
        [AdminBootstrapper.PasswordVariable] = password,
    };
}

public sealed class AdminBootstrapOnSqlite() : AdminBootstrapTests(TestDatabaseKind.Sqlite);

public sealed class AdminBootstrapOnPostgres() : AdminBootstrapTests(TestDatabaseKind.Postgres);
