namespace KneeSpine.Engine.Knowledge;

/// <summary>
/// A published source that alerts, factors and plan items cite, in parts; <see cref="CitationFormatter"/> turns it into
/// the text every surface shows. The <see cref="Id"/> is for references inside KneeSpine and is never shown.
/// </summary>
/// <param name="Id">Stable source id, e.g. <c>nice-ng59</c>.</param>
/// <param name="Authors">People as "Surname Initials", or organisations; empty only when they are not verified.</param>
/// <param name="MoreAuthors">The author list is abbreviated ("et al." follows it).</param>
/// <param name="Year">Year of publication; null only for the undated seed article.</param>
/// <param name="Title">The title of the work.</param>
/// <param name="Publication">Journal with year, volume and pages, or publisher and document number.</param>
/// <param name="Note">What a reader needs to know about the source, such as parts not verified.</param>
/// <param name="Link">A DOI or PubMed link, only where the specification gives one.</param>
/// <param name="Label">A short label where "First author et al. year" does not fit.</param>
public sealed record SourceDefinition(
    string Id,
    IReadOnlyList<string> Authors,
    bool MoreAuthors,
    int? Year,
    string Title,
    string? Publication,
    string? Note,
    Uri? Link,
    string? Label) : IKnowledgeItem;
