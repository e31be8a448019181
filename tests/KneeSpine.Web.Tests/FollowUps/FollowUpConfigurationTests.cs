using KneeSpine.Web.FollowUps;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Tests.FollowUps;

/// <summary><c>KneeSpine:FollowUp</c> as the app reads it: defaults, configured days replacing them, bad values stopping the start.</summary>
public sealed class FollowUpConfigurationTests
{
    [Fact]
    public async Task Without_settings_the_check_ins_are_at_14_42_and_90_days_reminded_again_after_7()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite);

        var options = app.Services.GetRequiredService<IOptions<FollowUpOptions>>().Value;

        Assert.Equal([14, 42, 90], options.Days);
        Assert.Equal(7, options.RemindAgainAfterDays);
        Assert.Equal(TimeSpan.FromHours(1), options.CheckEvery);
    }

    [Fact]
    public async Task Configured_days_replace_the_defaults_rather_than_adding_to_them()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:FollowUp:Days:0"] = "10",
            ["KneeSpine:FollowUp:Days:1"] = "30",
            ["KneeSpine:FollowUp:CheckEvery"] = "00:15:00",
        });

        var options = app.Services.GetRequiredService<IOptions<FollowUpOptions>>().Value;

        Assert.Equal([10, 30], options.Days);
        Assert.Equal(TimeSpan.FromMinutes(15), options.CheckEvery);
    }

    [Fact]
    public async Task Days_out_of_order_stop_the_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:FollowUp:Days:0"] = "42",
            ["KneeSpine:FollowUp:Days:1"] = "14",
        }));

        Assert.Contains("KneeSpine:FollowUp:Days", error.Flatten(), StringComparison.Ordinal);
    }
}
