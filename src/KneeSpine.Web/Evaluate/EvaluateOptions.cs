using System.ComponentModel.DataAnnotations;

namespace KneeSpine.Web.Evaluate;

/// <summary>The <c>KneeSpine:Evaluate</c> section: how often one client may call the anonymous evaluate endpoint.</summary>
public sealed class EvaluateOptions
{
    public const string Section = "KneeSpine:Evaluate";

    /// <summary>Requests allowed per client per window.</summary>
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 60;

    /// <summary>Window length in seconds.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
