using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace KneeSpine.Web.Fhir;

/// <summary>
/// One page of a search (ADR-120): <c>_count</c> is the page size (above the type's maximum it is reduced to it, as
/// FHIR lets a server do), <c>_offset</c> where the page starts. The Bundle links <c>self</c>, <c>first</c>,
/// <c>previous</c> and <c>next</c> are absolute and repeat the search, so a client follows them without knowing the
/// parameters.
/// </summary>
internal sealed record FhirPage(int Count, int Offset)
{
    public const string CountParameter = "_count";

    public const string OffsetParameter = "_offset";

    /// <summary>Where the page starts; there is no limit, but a page past the end is empty.</summary>
    public const int MaxOffset = 1_000_000;

    /// <summary>The page the request asks for; an error naming the parameter when <c>_count</c> or <c>_offset</c> is not a whole number.</summary>
    public static (FhirPage? Page, FhirResult? Error) Read(HttpRequest request, int defaultCount, int maxCount)
    {
        var count = defaultCount;
        if (request.Query[CountParameter].ToString() is { Length: > 0 } countText)
        {
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count))
            {
                return (null, FhirOutcomes.BadRequest($"_count must be a whole number (the page size, at most {maxCount}).", CountParameter));
            }

            count = Math.Min(count, maxCount);
        }

        var offset = 0;
        if (request.Query[OffsetParameter].ToString() is { Length: > 0 } offsetText
            && (!int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > MaxOffset))
        {
            return (null, FhirOutcomes.BadRequest($"_offset must be a whole number from 0 to {MaxOffset}: where the page starts, as the next and previous links give it.", OffsetParameter));
        }

        return (new FhirPage(count, offset), null);
    }

    /// <summary>The page's part of <paramref name="all"/>.</summary>
    public IEnumerable<T> Of<T>(IEnumerable<T> all) => all.Skip(Offset).Take(Count);

    /// <summary>The page's part of a query, done by the database.</summary>
    public IQueryable<T> Of<T>(IQueryable<T> all) => all.Skip(Offset).Take(Count);

    /// <summary>A searchset of this page's <paramref name="resources"/> out of <paramref name="total"/>, with the paging links.</summary>
    /// <param name="request">The search request; the links repeat it.</param>
    /// <param name="resources">This page's resources.</param>
    /// <param name="total">How many match in all.</param>
    /// <param name="pinned">A parameter the links carry so that every page sees the same result set (set, or replaced when present).</param>
    public Bundle Searchset(HttpRequest request, IEnumerable<Resource> resources, int total, (string Name, string Value)? pinned = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bundle = FhirBundles.Searchset(FhirStoredEndpoints.ServerBase(request), resources, total);
        bundle.Link.Add(Link("self", request, Offset, pinned));
        bundle.Link.Add(Link("first", request, 0, pinned));
        if (Count > 0 && Offset > 0)
        {
            bundle.Link.Add(Link("previous", request, Math.Max(0, Offset - Count), pinned));
        }

        if (Count > 0 && Offset + Count < total)
        {
            bundle.Link.Add(Link("next", request, Offset + Count, pinned));
        }

        return bundle;
    }

    private Bundle.LinkComponent Link(string relation, HttpRequest request, int offset, (string Name, string Value)? pinned)
    {
        // The search as asked, with this page's size and start; _format is kept so a browser stays in its format.
        var query = request.Query
            .Where(p => p.Key is not (CountParameter or OffsetParameter) && p.Key != pinned?.Name)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Concat(pinned is { } pin ? [new KeyValuePair<string, string?>(pin.Name, pin.Value)] : [])
            .Append(new(CountParameter, Count.ToString(CultureInfo.InvariantCulture)))
            .Append(new(OffsetParameter, offset.ToString(CultureInfo.InvariantCulture)));
        var url = QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", query);
        return new Bundle.LinkComponent { Relation = relation, Url = url };
    }
}
