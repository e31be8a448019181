using Hl7.Fhir.Model;
using KneeSpine.Engine.Knowledge;

namespace KneeSpine.Fhir.Assessments;

/// <summary>
/// Sources as FHIR reads them: a RelatedArtifact of type citation whose text is the full formatted reference (the same
/// text the pages, handout and CLI show) and whose url is the DOI or PubMed link when there is one. Source ids are
/// KneeSpine-internal and never leave it.
/// </summary>
internal static class CitationArtifacts
{
    /// <summary>R4's standard extension for "knowledge artifacts relevant to the resource, such as citations"; R4 allows it on Observation only (of ours).</summary>
    public const string ObservationExtension = "http://hl7.org/fhir/StructureDefinition/workflow-relatedArtifact";

    /// <summary>
    /// The same RelatedArtifact on a Flag or a CarePlan activity, where R4's extension is not allowed (its context is
    /// Observation and DiagnosticReport); see ADR-095.
    /// </summary>
    public const string FindingExtension = "https://kneespine.org/fhir/StructureDefinition/related-artifact";

    public static RelatedArtifact Of(Citation citation) => new()
    {
        Type = RelatedArtifact.RelatedArtifactType.Citation,
        Label = citation.Label,
        Citation = citation.Text,
        Url = citation.Link?.AbsoluteUri,
    };

    /// <summary>One extension per citation, in the order the finding cites them.</summary>
    /// <param name="url"><see cref="ObservationExtension"/> or <see cref="FindingExtension"/>.</param>
    /// <param name="citations">The finding's citations.</param>
    public static IEnumerable<Extension> Extensions(string url, IEnumerable<Citation> citations) =>
        citations.Select(c => new Extension(url, Of(c)));
}
