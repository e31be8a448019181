using Microsoft.Extensions.Options;

namespace KneeSpine.Web.ClinicIdentity;

/// <summary>The clinic's identity and clock, ready for pages, the handout and emails.</summary>
public sealed class ClinicProfile(IOptions<ClinicOptions> options)
{
    private readonly ClinicOptions _options = options.Value;

    /// <summary>The clinic's name, or null when unset.</summary>
    public string? Name => Blank(_options.Name);

    /// <summary>The clinic's phone number as configured, or null when unset.</summary>
    public string? Phone => Blank(_options.Phone);

    /// <summary>The clinic's address, or null when unset.</summary>
    public string? Address => Blank(_options.Address);

    /// <summary>The emergency number as configured, or null when unset ("emergency services").</summary>
    public string? EmergencyNumber => Blank(_options.EmergencyNumber);

    /// <summary>The clinic's time zone (UTC when unset).</summary>
    public TimeZoneInfo TimeZone { get; } = string.IsNullOrWhiteSpace(options.Value.TimeZone)
        ? TimeZoneInfo.Utc
        : TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>A <c>tel:</c> URI for a configured number: only '+' and digits survive.</summary>
    public static string TelUri(string number) =>
        "tel:" + new string(number.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());

    /// <summary>An instant in the clinic's time zone.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
