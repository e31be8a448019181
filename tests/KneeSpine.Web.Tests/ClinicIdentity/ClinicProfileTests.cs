using KneeSpine.Web.ClinicIdentity;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Tests.ClinicIdentity;

public sealed class ClinicProfileTests
{
    [Fact]
    public async Task A_time_zone_that_does_not_exist_stops_the_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Clinic:TimeZone"] = "Europe/Atlantis",
        }));

        Assert.Contains("KneeSpine:Clinic:TimeZone", error.Flatten(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KneeSpine:Clinic:Phone")]
    [InlineData("KneeSpine:Clinic:EmergencyNumber")]
    public async Task A_number_with_letters_stops_the_start_naming_the_setting(string setting)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            [setting] = "call 999",
        }));

        Assert.Contains(setting, error.Flatten(), StringComparison.Ordinal);
    }

    [Fact]
    public void Times_are_shown_in_the_clinic_time_zone_and_numbers_dial_as_tel_links()
    {
        var clinic = new ClinicProfile(Options.Create(new ClinicOptions { TimeZone = "America/New_York", Phone = " (555) 010-0200 ", Name = "  " }));

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.FromHours(-5)), clinic.Local(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("tel:5550100200", ClinicProfile.TelUri(clinic.Phone!));
        Assert.Equal("tel:+441234", ClinicProfile.TelUri("+44 (1234)"));
        Assert.Null(clinic.Name);
    }

    [Fact]
    public void Without_settings_the_clinic_is_anonymous_and_on_UTC()
    {
        var clinic = new ClinicProfile(Options.Create(new ClinicOptions()));

        Assert.Same(TimeZoneInfo.Utc, clinic.TimeZone);
        Assert.Null(clinic.EmergencyNumber);
        Assert.Null(clinic.Phone);
    }
}
