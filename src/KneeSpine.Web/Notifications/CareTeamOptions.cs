using System.ComponentModel.DataAnnotations;

namespace KneeSpine.Web.Notifications;

/// <summary><c>KneeSpine:Notifications:CareTeam</c>: who is told when a worklist item opens.</summary>
public sealed class CareTeamOptions
{
    public const string Section = "KneeSpine:Notifications:CareTeam";

    /// <summary>The care team's addresses (<c>KneeSpine:Notifications:CareTeam:Emails:0</c>, <c>:1</c> ...).</summary>
    public IList<string> Emails { get; } = [];

    /// <summary>The address the app is reached at (<c>KneeSpine:PublicBaseUrl</c>), for links in messages.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }
}
