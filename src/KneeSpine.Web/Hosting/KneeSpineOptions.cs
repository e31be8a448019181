using System.ComponentModel.DataAnnotations;

namespace KneeSpine.Web.Hosting;

/// <summary>The root <c>KneeSpine</c> section.</summary>
public sealed class KneeSpineOptions
{
    public const string Section = "KneeSpine";

    /// <summary>Where the SQLite database and other files live (<c>--data</c>).</summary>
    [Required]
    public string DataDirectory { get; set; } = Store.Database.DataDirectory.Default;

    /// <summary>Seed fictional demo patients at start (<c>--demo</c>).</summary>
    public bool Demo { get; set; }
}
