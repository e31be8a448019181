using Hl7.Fhir.Model;

namespace KneeSpine.Web.Fhir;

/// <summary>Searchset Bundles whose every <c>fullUrl</c> is the resource's read URL on this server (ADR-120).</summary>
internal static class FhirBundles
{
    public static Bundle Searchset(Uri serverBase, IEnumerable<Resource> resources, int total)
    {
        var root = serverBase.AbsoluteUri.TrimEnd('/');
        return new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = total,
            Entry =
            [
                .. resources.Select(r => new Bundle.EntryComponent
                {
                    FullUrl = $"{root}/{r.TypeName}/{r.Id}",
                    Resource = r,
                    Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
                }),
            ],
        };
    }
}
