namespace KneeSpine.BrowserTests.Infrastructure;

/// <summary>
/// A second server as a real clinic would run it: its name, phone, emergency number and time zone set, and the
/// demo patients seeded (every triage level, charts with several points), so every page has something to show.
/// </summary>
public sealed class DemoClinicApp() : BrowserApp(Settings)
{
    public const string ClinicName = "Riverside Orthopaedics";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["KneeSpine:Demo"] = "true",
        ["KneeSpine:Clinic:Name"] = ClinicName,
        ["KneeSpine:Clinic:Phone"] = "020 7946 0000",
        ["KneeSpine:Clinic:Address"] = "1 River Street, London",
        ["KneeSpine:Clinic:EmergencyNumber"] = "999",
        ["KneeSpine:Clinic:TimeZone"] = "Europe/London",
    };
}
