namespace KneeSpine.Web.Handouts;

/// <summary>Who the patient calls, printed on the handout (from <c>KneeSpine:Clinic</c>); any part may be unset.</summary>
/// <param name="Name">The clinic's name.</param>
/// <param name="Phone">The clinic's phone number.</param>
/// <param name="EmergencyNumber">The local emergency number.</param>
public sealed record HandoutClinic(string? Name, string? Phone, string? EmergencyNumber)
{
    /// <summary>No clinic configured: the handout says "your care team" and "emergency services".</summary>
    public static HandoutClinic None { get; } = new(null, null, null);

    /// <summary>"Call Riverside Knee Clinic on 01234 567890.", or null when there is no number to call.</summary>
    public string? CallLine => Phone is null ? null : $"Call {Name ?? "your care team"} on {Phone}.";
}
