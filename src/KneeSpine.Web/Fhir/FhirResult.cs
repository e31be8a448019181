using System.Text.Json;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using KneeSpine.Fhir.Serialization;

namespace KneeSpine.Web.Fhir;

/// <summary>A FHIR resource written by the Firely SDK serializer, in the media type the caller negotiated.</summary>
internal sealed class FhirResult(Resource resource, int statusCode = StatusCodes.Status200OK, string? location = null) : IResult
{
    public Resource Resource { get; } = resource;

    public int StatusCode { get; } = statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = (FhirFormat.ResponseMediaType(httpContext.Request) ?? FhirFormat.FhirJson) + "; charset=utf-8";
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        // FHIR's versioning (3.1.0.5): the ETag is the weak version id, Last-Modified the server's time of that version.
        if (Resource.Meta?.VersionId is { } version)
        {
            response.Headers.ETag = $"W/\"{version}\"";
        }

        if (Resource.Meta?.LastUpdated is { } updated)
        {
            response.Headers.LastModified = updated.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        await JsonSerializer.SerializeAsync(response.Body, Resource, FhirJson.Options, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
