using KneeSpine.Store.Audit;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Audit;

/// <summary>The first admin, created from the environment at the first start, is in the audit trail.</summary>
public sealed class AuditBootstrapTests
{
    [Fact]
    public async Task Creating_the_first_admin_from_the_environment_is_recorded()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KNEESPINE_ADMIN_EMAIL"] = "boot.admin@example.org",
            ["KNEESPINE_ADMIN_PASSWORD"] = "first admin password",
        });

        var e = await AuditTrail.SingleSinceAsync(app, 0);

        Assert.Equal((AuditAction.UserCreate, AuditOutcome.Success, "system", "admin-bootstrap"), (e.Action, e.Outcome, e.UserName, e.Client));
        Assert.Equal("admin account boot.admin@example.org", e.Detail);
    }
}
