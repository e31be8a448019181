namespace KneeSpine.Engine.Knowledge;

/// <summary>A source as people read it.</summary>
/// <param name="Number">Its position (from 1) in the list of sources of one result; pages link to it by this number.</param>
/// <param name="Label">Short label where the source is cited, e.g. "Finucane et al. 2020".</param>
/// <param name="Text">The full reference (authors. title. publication (note).), without the link.</param>
/// <param name="Link">A DOI or PubMed link, when the specification gives one.</param>
public sealed record Citation(int Number, string Label, string Text, Uri? Link)
{
    /// <summary>The full reference followed by its link, for plain-text surfaces (PDF, CLI, FHIR).</summary>
    public string TextWithLink => Link is null ? Text : $"{Text} {Link.AbsoluteUri}";
}
