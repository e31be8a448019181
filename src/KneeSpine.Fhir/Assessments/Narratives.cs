using System.Net;
using Hl7.Fhir.Model;

namespace KneeSpine.Fhir.Assessments;

/// <summary>Generated XHTML narratives, so a FHIR viewer without KneeSpine's code systems still shows the meaning.</summary>
internal static class Narratives
{
    public static Narrative Of(params string[] paragraphs) => new()
    {
        Status = Narrative.NarrativeStatus.Generated,
        Div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">"
            + string.Concat(paragraphs.Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>"))
            + "</div>",
    };
}
