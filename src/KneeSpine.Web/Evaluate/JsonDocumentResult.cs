using System.Text;

namespace KneeSpine.Web.Evaluate;

/// <summary>Writes JSON that was already serialised (by the engine's writer, or stored), unchanged.</summary>
internal sealed class JsonDocumentResult(string json, int statusCode = StatusCodes.Status200OK, string? location = null)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => statusCode;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = ContentType;
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        await httpContext.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), httpContext.RequestAborted).ConfigureAwait(false);
    }

}
