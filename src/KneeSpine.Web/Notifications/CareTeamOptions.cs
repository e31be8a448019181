namespace KneeSpine.Web.Notifications;

/// <summary><c>KneeSpine:Notifications:CareTeam</c>: who is told when a worklist item opens.</summary>
public sealed class CareTeamOptions
{
    public const string Section = "KneeSpine:Notifications:CareTeam";

    public const string PublicBaseUrlKey = "KneeSpine:PublicBaseUrl";

    /// <summary>The care team's addresses (<c>KneeSpine:Notifications:CareTeam:Emails:0</c>, <c>:1</c> ...).</summary>
    public IList<string> Emails { get; } = [];

    /// <summary>The address the app is reached at (<c>KneeSpine:PublicBaseUrl</c>), for the link in the email.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The configured addresses, trimmed, each once.</summary>
    public IEnumerable<string> Recipients =>
        Emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase);
}
