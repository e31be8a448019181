namespace KneeSpine.Web.Assessments.Results;

/// <summary>What the triage banner says.</summary>
/// <param name="Label">The level in words (the banner's first line).</param>
/// <param name="Provenance">Who recorded the answers and when, shown inside the headline; null for the public check.</param>
/// <param name="Headline">The headline itself.</param>
/// <param name="IsPast">Whether the result belongs to an earlier day and is told as past.</param>
public sealed record TriageBannerText(string Label, string? Provenance, string Headline, bool IsPast);
