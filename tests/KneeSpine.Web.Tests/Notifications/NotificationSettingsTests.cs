using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Notifications;

/// <summary>Notification settings that cannot work stop the start with a message naming the setting.</summary>
public sealed class NotificationSettingsTests
{
    [Fact]
    public async Task A_mail_server_without_a_sender_address_stops_the_start()
    {
        var error = await StartFailureAsync(new()
        {
            ["KneeSpine:Notifications:Smtp:Host"] = "smtp.clinic.test",
        });

        Assert.Contains("KneeSpine:Notifications:Smtp:From", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_care_team_address_that_is_not_one_stops_the_start_naming_it()
    {
        var error = await StartFailureAsync(new()
        {
            ["KneeSpine:PublicBaseUrl"] = Notified.PublicBaseUrl,
            ["KneeSpine:Notifications:CareTeam:Emails:0"] = "nurse@clinic.test",
            ["KneeSpine:Notifications:CareTeam:Emails:1"] = "the surgeon",
        });

        Assert.Contains("KneeSpine:Notifications:CareTeam:Emails:1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Emails:0", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Care_team_emails_without_the_apps_public_address_stop_the_start()
    {
        var error = await StartFailureAsync(new()
        {
            ["KneeSpine:Notifications:CareTeam:Emails:0"] = "nurse@clinic.test",
        });

        Assert.Contains("KneeSpine:PublicBaseUrl", error, StringComparison.Ordinal);
    }

    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings) =>
        (await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, settings))).Flatten();
}
