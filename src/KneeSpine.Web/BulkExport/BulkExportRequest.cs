using System.Globalization;
using KneeSpine.Web.Fhir;

namespace KneeSpine.Web.BulkExport;

/// <summary>A checked kick-off: the types asked for (null for all) and <c>_since</c>. Parsed from the query as the Bulk Data IG defines it.</summary>
internal sealed record BulkExportRequest(IReadOnlyList<string>? Types, DateTimeOffset? Since)
{
    // The IG lets a server accept these abbreviations of application/fhir+ndjson.
    private static readonly string[] NdjsonFormats = ["application/fhir+ndjson", "application/ndjson", "ndjson"];
    private static readonly string[] Supported = ["_type", "_since", "_outputFormat"];

    /// <summary>The request, or the OperationOutcome (400) that names what is wrong.</summary>
    public static (BulkExportRequest? Request, FhirResult? Error) Parse(HttpRequest http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Headers["Prefer"].Any(p => p?.Contains("respond-async", StringComparison.OrdinalIgnoreCase) == true))
        {
            return (null, FhirOutcomes.BadRequest("A bulk export runs asynchronously: send the header Prefer: respond-async.", "Prefer"));
        }

        // The IG has servers reject parameters they do not support rather than silently export something else.
        if (http.Query.Keys.FirstOrDefault(k => !Supported.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return (null, FhirOutcomes.BadRequest($"The parameter {unknown} is not supported; this server supports {string.Join(", ", Supported)}.", unknown));
        }

        var format = http.Query["_outputFormat"];
        if (format.Count > 0 && !format.All(f => NdjsonFormats.Contains(f, StringComparer.OrdinalIgnoreCase)))
        {
            return (null, FhirOutcomes.BadRequest("_outputFormat must be application/fhir+ndjson (or application/ndjson, ndjson).", "_outputFormat"));
        }

        List<string>? types = null;
        if (http.Query["_type"].Count > 0)
        {
            types = [.. http.Query["_type"].SelectMany(t => (t ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)];
            if (types.FirstOrDefault(t => !BulkExportTypes.All.Contains(t, StringComparer.Ordinal)) is { } type)
            {
                return (null, FhirOutcomes.BadRequest($"_type {type} is not exported; the types are {string.Join(", ", BulkExportTypes.All)}.", "_type"));
            }

            if (types.Count == 0)
            {
                return (null, FhirOutcomes.BadRequest("_type is empty; leave it out to export every type.", "_type"));
            }
        }

        DateTimeOffset? since = null;
        if (http.Query["_since"].Count > 0)
        {
            var value = http.Query["_since"].ToString();
            // A FHIR instant: a full date and time with a time zone; a local time would be ambiguous.
            if (http.Query["_since"].Count > 1 || value.Length < 20 || !(value.EndsWith('Z') || value[^6] is '+' or '-')
                || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, FhirOutcomes.BadRequest("_since must be one FHIR instant with a time zone, e.g. 2026-11-01T00:00:00Z.", "_since"));
            }

            since = parsed;
        }

        return (new BulkExportRequest(types, since), null);
    }
}
