using Microsoft.Net.Http.Headers;

namespace KneeSpine.Web.Fhir;

/// <summary>FHIR content negotiation: JSON only, as <c>application/fhir+json</c> or plain <c>application/json</c>.</summary>
internal static class FhirFormat
{
    public const string FhirJson = "application/fhir+json";

    public const string Json = "application/json";

    private static readonly string[] JsonFormats = ["json", Json, FhirJson, "application/json+fhir"];

    /// <summary>The media type to answer with, or null when the caller accepts only what KneeSpine cannot write (XML, Turtle).</summary>
    public static string? ResponseMediaType(HttpRequest request)
    {
        // _format overrides Accept (FHIR R4 http.html#mime); '+' arrives as a space when the client did not encode it.
        var format = request.Query["_format"].ToString().Replace(' ', '+');
        if (format.Length > 0)
        {
            return JsonFormats.Contains(format, StringComparer.OrdinalIgnoreCase)
                ? (string.Equals(format, Json, StringComparison.OrdinalIgnoreCase) ? Json : FhirJson)
                : null;
        }

        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return FhirJson;
        }

        foreach (var type in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (type.Quality == 0)
            {
                continue;
            }

            var media = type.MediaType.Value ?? "";
            if (media.Equals(FhirJson, StringComparison.OrdinalIgnoreCase) || media.Equals("application/json+fhir", StringComparison.OrdinalIgnoreCase)
                || media is "*/*" or "application/*")
            {
                return FhirJson;
            }

            if (media.Equals(Json, StringComparison.OrdinalIgnoreCase))
            {
                return Json;
            }
        }

        return null;
    }

    /// <summary>Whether the request body is declared as JSON (FHIR or plain).</summary>
    public static bool IsJsonBody(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && (type.MediaType.Equals(FhirJson, StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Equals("application/json+fhir", StringComparison.OrdinalIgnoreCase));
}
