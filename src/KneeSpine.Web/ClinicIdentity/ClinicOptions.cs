namespace KneeSpine.Web.ClinicIdentity;

/// <summary>
/// <c>KneeSpine:Clinic</c>: who runs this installation. The name and phone appear in the header, the handout and the
/// result page ("call us on ..."); times are shown in <see cref="TimeZone"/>. Every value is optional: without them the
/// pages say "your care team" and show UTC.
/// </summary>
public sealed class ClinicOptions
{
    public const string Section = "KneeSpine:Clinic";

    /// <summary>The clinic's name, for example "Riverside Orthopaedics".</summary>
    public string? Name { get; set; }

    /// <summary>The clinic's phone number as people dial it, for example "+44 20 7946 0000".</summary>
    public string? Phone { get; set; }

    /// <summary>The clinic's postal address, one line.</summary>
    public string? Address { get; set; }

    /// <summary>An IANA time zone id (for example "Europe/London"); times on pages are shown in it. Default UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The local emergency number (for example "999" or "911"), shown as a <c>tel:</c> link. When unset the
    /// pages say "emergency services".</summary>
    public string? EmergencyNumber { get; set; }
}
